/**
 * The access trail: every read of one case's data (detail, history, exports, as-of replay) is written to an
 * append-only table before the answer leaves, with who read, what, when and why; auditors list it.
 */
package fr.rep.caseengine.query.audit;
