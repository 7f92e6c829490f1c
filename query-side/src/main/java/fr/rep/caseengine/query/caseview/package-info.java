/**
 * The case list and case detail: a read model of every case's current state, served by GET only.
 */
package fr.rep.caseengine.query.caseview;
