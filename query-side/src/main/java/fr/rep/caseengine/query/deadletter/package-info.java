/**
 * Poison events: an event a projection cannot apply is set aside in a dead-letter queue with the later events of its
 * case, the rest of the stream goes on, administrators list and retry what was set aside.
 */
package fr.rep.caseengine.query.deadletter;
