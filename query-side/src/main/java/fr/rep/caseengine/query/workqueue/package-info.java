/**
 * The caseworker's work queue: what is coming up on the cases they may see (deadline warnings, follow-ups due).
 */
package fr.rep.caseengine.query.workqueue;
