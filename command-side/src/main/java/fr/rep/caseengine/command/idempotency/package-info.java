/**
 * Idempotent command requests: a request sent again with the same {@code Idempotency-Key} gets the first answer
 * and appends nothing; every command controller reads its headers and answers through {@link
 * fr.rep.caseengine.command.idempotency.CommandRequest}.
 */
package fr.rep.caseengine.command.idempotency;
