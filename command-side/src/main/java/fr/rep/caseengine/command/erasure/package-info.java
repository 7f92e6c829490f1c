/**
 * Erasure of people's personal data and the retention policy: keys destroyed with the event that records it, cases
 * erased once they ended longer ago than the retention period, and the trail auditors read.
 */
package fr.rep.caseengine.command.erasure;
