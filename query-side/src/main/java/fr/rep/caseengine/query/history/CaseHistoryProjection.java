package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.query.projection.BatchedWrites;
import fr.rep.caseengine.query.projection.ReadModel;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Owns {@code case_history_entry}: one row per event, written once (a redelivered event is ignored). Nothing reads the
 * entries while a batch is projected, so they are sent together before the batch commits ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(ReadModel.CASE_VIEWS)
class CaseHistoryProjection {

    private final BatchedWrites writes;

    CaseHistoryProjection(BatchedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message) {
        writes.add(
                """
                INSERT INTO case_history_entry (case_id, sequence_number, event_id, event_type, actor, occurred_at,
                    recorded_at, correlation_id, trace_id, summary, reason, corrects)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.caseId().value(),
                message.getSequenceNumber(),
                message.getIdentifier(),
                event.getClass().getSimpleName(),
                message.getMetaData().get(EventMetadata.ACTOR),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.recordedAt()),
                message.getMetaData().get(EventMetadata.CORRELATION_ID),
                message.getMetaData().get(EventMetadata.TRACE_ID),
                Summaries.of(event),
                Summaries.reasonOf(event),
                event instanceof EntryCorrected correction ? correction.correctedEventId() : null);
        if (event instanceof EntryCorrected correction) {
            writes.add(
                    "UPDATE case_history_entry SET corrected_by = ? WHERE event_id = ?",
                    message.getIdentifier(),
                    correction.correctedEventId());
        }
    }
}
