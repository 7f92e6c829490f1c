/**
 * Runs the retention policy on db-scheduler, so that with several nodes exactly one runs it at each time.
 */
package fr.rep.caseengine.app.retention;
