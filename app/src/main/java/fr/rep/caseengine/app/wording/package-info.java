/**
 * The service's words in French: the domain's rules, values and event types from the message bundle, and a case's
 * history told as French sentences.
 */
package fr.rep.caseengine.app.wording;
