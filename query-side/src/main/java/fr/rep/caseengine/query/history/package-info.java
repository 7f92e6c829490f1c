/**
 * A case's history: every event with who, when it happened, when it was recorded, and a readable summary.
 */
package fr.rep.caseengine.query.history;
