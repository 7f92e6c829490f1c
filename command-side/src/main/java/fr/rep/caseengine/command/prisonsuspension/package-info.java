/**
 * Prison-wide suspensions of visits, and the process that cancels the scheduled visits they hit on every case.
 */
package fr.rep.caseengine.command.prisonsuspension;
