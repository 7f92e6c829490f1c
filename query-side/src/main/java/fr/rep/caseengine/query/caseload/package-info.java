/**
 * The managers' caseload dashboard: cases counted by team, prison, stage and caseworker, with how long waiting
 * requests have waited, kept live by server-sent events.
 */
package fr.rep.caseengine.query.caseload;
