/**
 * Idempotent command requests: a request sent again with the same {@code Idempotency-Key} gets the first answer
 * and appends nothing.
 */
package fr.rep.caseengine.command.idempotency;
