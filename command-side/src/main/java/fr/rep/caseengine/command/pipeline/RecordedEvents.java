package fr.rep.caseengine.command.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * The events a command request records, so that its answer can name them. Axon's command bus handles a command on the
 * thread that sent it, and an aggregate publishes each event it applies as it applies it: the events published on the
 * request's thread while it runs are the ones it recorded (they commit with its transaction, or nothing does).
 */
@Component
class RecordedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final ThreadLocal<List<RecordedEvent>> current = new ThreadLocal<>();

    RecordedEvents(EventBus events) {
        events.registerDispatchInterceptor(this);
    }

    /** Runs {@code command}, noting the events it records from scratch (a retried try starts again from none). */
    <T> T recording(Supplier<T> command) {
        List<RecordedEvent> outer = current.get();
        current.set(new ArrayList<>());
        try {
            return command.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** The events recorded so far by the command running on this thread, in order; none outside a command. */
    List<RecordedEvent> recorded() {
        List<RecordedEvent> events = current.get();
        return events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<RecordedEvent> events = current.get();
        if (events != null) {
            for (EventMessage<?> message : messages) {
                if (message instanceof DomainEventMessage<?> domain) {
                    events.add(new RecordedEvent(
                            domain.getIdentifier(),
                            domain.getSequenceNumber(),
                            domain.getPayloadType().getSimpleName()));
                }
            }
        }
        return (index, message) -> message;
    }
}
