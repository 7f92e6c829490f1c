/**
 * The family case aggregate: its commands, the rules that guard them, and the HTTP API that sends them.
 */
package fr.rep.caseengine.command.familycase;
