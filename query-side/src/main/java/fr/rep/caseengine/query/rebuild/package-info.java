/**
 * Rebuilding a projection from the event store beside the live one, in a shadow schema, and switching it in when it
 * has caught up, while the live one keeps serving.
 */
package fr.rep.caseengine.query.rebuild;
