package fr.rep.caseengine.query.deadletter;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed batch is rolled back and retried by the processor, as before; its events are remembered as suspects so
 * that the retry applies them one by one and sets the poison one aside ({@link PoisonIsolation}).
 * <p>
 * The processor logs what this throws on every failed batch: it is the failure described without its message
 * ({@link PoisonCause}), since messages may quote what was being written. The full exception is logged at DEBUG.
 */
record SuspectingErrorHandler(PoisonIsolation isolation) implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SuspectingErrorHandler.class);

    @Override
    public void handleError(ErrorContext context) {
        isolation.suspect(context.failedEvents());
        Throwable error = context.error();
        if (error instanceof Error fatal) {
            throw fatal;
        }
        if (error instanceof IsolatedFailuresOnly.BatchToIsolate isolate) {
            throw isolate;
        }
        LOG.debug(
                "Processor {} failed a batch of {} events",
                context.eventProcessor(),
                context.failedEvents().size(),
                error);
        throw new BatchFailed(context.eventProcessor(), context.failedEvents().size(), PoisonCause.describe(error));
    }

    /** A batch failed; it is retried with its events isolated. */
    static final class BatchFailed extends RuntimeException {
        BatchFailed(String processor, int events, String error) {
            super("Processor " + processor + " failed a batch of " + events + " events (" + error
                    + "); it is retried with its events isolated");
        }
    }
}
