/**
 * Tamper evidence for the event store: each stored event is sealed into two SHA-256 chains (its case's and the whole
 * store's) when it is appended, and a verification walks the store and names the first broken link.
 */
package fr.rep.caseengine.app.hashchain;
