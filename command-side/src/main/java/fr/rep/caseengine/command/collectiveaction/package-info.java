/**
 * Collective actions as their own aggregates: snack and craft-workshop sessions, and talking groups run as closed
 * cycles of four sessions; their commands, the rules that guard them, and the HTTP API that sends them.
 */
package fr.rep.caseengine.command.collectiveaction;
