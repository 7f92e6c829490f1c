/**
 * Who may act on which case: a caseworker on their team's cases and on cases assigned to them, a team manager assigns.
 * An out-of-reach case answers as if it did not exist.
 */
package fr.rep.caseengine.command.access;
