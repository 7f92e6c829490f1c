package fr.rep.caseengine.command.erasure;

import fr.rep.caseengine.events.familycase.CaseReopened;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.RequestDeclined;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns {@code ended_case}: when each closed or declined case ended (its reported date), for the retention policy to
 * find the cases due, without reading the query side. Subscribing, so it follows the events in their own
 * transaction; the migration that created it filled it from the events stored before.
 */
@Component
@ProcessingGroup(ErasureProcessing.ENDED_CASES)
class EndedCasesProjection {

    private final JdbcTemplate jdbc;

    EndedCasesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InterventionClosed event) {
        ended(event.caseId().value(), event.occurredAt());
    }

    @EventHandler
    void on(RequestDeclined event) {
        ended(event.caseId().value(), event.occurredAt());
    }

    /** A reopened case is open again: its people are kept until it ends anew. */
    @EventHandler
    void on(CaseReopened event) {
        jdbc.update("DELETE FROM ended_case WHERE case_id = ?", event.caseId().value());
    }

    private void ended(UUID caseId, Instant endedAt) {
        jdbc.update("""
                INSERT INTO ended_case (case_id, ended_at) VALUES (?, ?)
                ON CONFLICT (case_id) DO UPDATE SET ended_at = EXCLUDED.ended_at, erased_at = NULL""", caseId, Timestamp.from(endedAt));
    }
}
