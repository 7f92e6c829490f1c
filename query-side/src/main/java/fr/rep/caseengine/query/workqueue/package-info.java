/**
 * The caseworker's work queue: cases recently assigned, deadlines coming up, follow-ups overdue and this week's
 * visits, kept live by server-sent events.
 */
package fr.rep.caseengine.query.workqueue;
