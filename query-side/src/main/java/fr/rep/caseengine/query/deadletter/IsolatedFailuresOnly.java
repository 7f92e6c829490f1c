package fr.rep.caseengine.query.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters an event only when it failed on its own ({@link PoisonIsolation}); any other failure fails the whole
 * batch, which the processor retries with its events isolated. So no event is ever set aside because of another one,
 * and no half-applied event is ever committed. A transient failure (connection, deadlock, ...) is never a reason to
 * set an event aside: the batch is retried. Each event set aside is logged once, by id, type, position and case,
 * never with its content.
 */
record IsolatedFailuresOnly(String projection, PoisonIsolation isolation) implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedFailuresOnly.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        String error = PoisonCause.describe(cause);
        if (!isolation.failedAlone(event.getIdentifier()) || PoisonCause.isTransient(cause)) {
            LOG.debug(
                    "Projection {} failed on event {}; its batch is rolled back and retried",
                    projection,
                    event.getIdentifier(),
                    cause);
            throw new BatchToIsolate(error);
        }
        LOG.warn(
                "Projection {} set event {} aside ({}, position {}, case {}, sequence {}): {}. The case's later events "
                        + "wait behind it until an administrator retries it "
                        + "(POST /api/projections/{}/dead-letters/retry).",
                projection,
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                position(event),
                caseOf(event),
                sequenceOf(event),
                error,
                projection);
        LOG.debug(
                "Why projection {} set event {} aside (the exception may quote the event's content)",
                projection,
                event.getIdentifier(),
                cause);
        return Decisions.enqueue(PoisonCause.of(cause));
    }

    static Object position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1)
                : "unknown";
    }

    static Object caseOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "none";
    }

    static Object sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : "none";
    }

    /**
     * A failure that must roll the batch back, so that its events are applied again one by one (or, for a transient
     * failure, the batch is simply retried). It carries no cause: the processor logs it, and a cause's message may
     * quote the event's content.
     */
    static final class BatchToIsolate extends RuntimeException {
        BatchToIsolate(String error) {
            super("An event failed within its batch (" + error + "); the batch is retried with its events isolated");
        }
    }
}
