/**
 * The command HTTP pipeline: the path every command request takes, from the API's controllers and the pages' forms
 * alike. Its headers read and checked ({@link fr.rep.caseengine.command.pipeline.CommandRequest}), the fact's date
 * checked, the command sent with the actor and trace id, in one transaction with its idempotency record (a request
 * sent again with the same {@code Idempotency-Key} gets the first answer and appends nothing), retried on a
 * concurrent append, and answered with the version and the events it recorded
 * ({@link fr.rep.caseengine.command.pipeline.CommandDispatch}).
 */
package fr.rep.caseengine.command.pipeline;
