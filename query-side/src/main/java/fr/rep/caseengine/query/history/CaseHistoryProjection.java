package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.query.caseview.CaseViewsProcessing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Owns {@code case_history_entry}: one row per event, written once (a redelivered event is ignored). */
@Component
@ProcessingGroup(CaseViewsProcessing.PROCESSING_GROUP)
class CaseHistoryProjection {

    private final JdbcTemplate jdbc;

    CaseHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message) {
        jdbc.update("""
                INSERT INTO case_history_entry (case_id, sequence_number, event_id, event_type, actor, occurred_at,
                    recorded_at, correlation_id, trace_id, summary, reason, corrects)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.caseId().value(), message.getSequenceNumber(), message.getIdentifier(),
                event.getClass().getSimpleName(), message.getMetaData().get(EventMetadata.ACTOR),
                Timestamp.from(event.occurredAt()), Timestamp.from(event.recordedAt()),
                message.getMetaData().get(EventMetadata.CORRELATION_ID),
                message.getMetaData().get(EventMetadata.TRACE_ID), Summaries.of(event), Summaries.reasonOf(event),
                event instanceof EntryCorrected correction ? correction.correctedEventId() : null);
        if (event instanceof EntryCorrected correction) {
            jdbc.update("UPDATE case_history_entry SET corrected_by = ? WHERE event_id = ?", message.getIdentifier(),
                    correction.correctedEventId());
        }
    }
}
