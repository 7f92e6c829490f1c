/**
 * Who works on cases: staff roles, teams and the caller of a request, the vocabulary both sides use to scope access.
 */
package fr.rep.caseengine.events.staff;
