package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.CaseEvent;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * One event of a generated case with everything the engine would have stored with it: its identifier, its place in
 * the case, and the metadata a command leaves (actor, correlation and trace ids). Axon stamps an event with the
 * moment it was applied, which is the event's {@code recordedAt}.
 */
public record GeneratedEvent(
        String eventId, long sequence, CaseEvent payload, String actor, String correlationId, String traceId) {

    /** The aggregate type Axon records for the case's events. */
    static final String AGGREGATE_TYPE = "FamilyCase";

    public DomainEventMessage<CaseEvent> toMessage() {
        return new GenericDomainEventMessage<>(
                AGGREGATE_TYPE,
                payload.caseId().toString(),
                sequence,
                payload,
                Map.of(
                        EventMetadata.ACTOR,
                        actor,
                        EventMetadata.CORRELATION_ID,
                        correlationId,
                        EventMetadata.TRACE_ID,
                        traceId),
                eventId,
                payload.recordedAt());
    }
}
