/**
 * Identifiers and metadata keys shared by every event of the case engine.
 */
package fr.rep.caseengine.events;
