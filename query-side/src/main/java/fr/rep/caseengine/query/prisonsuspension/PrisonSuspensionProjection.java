package fr.rep.caseengine.query.prisonsuspension;

import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.CustodyChanged;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitCancelled;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import fr.rep.caseengine.events.prison.PrisonVisitSuspensionLifted;
import fr.rep.caseengine.events.prison.PrisonVisitsSuspended;
import fr.rep.caseengine.query.projection.ReadModel;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns {@code prison_suspension}, {@code suspension_case_prison}, {@code scheduled_visit_time} and
 * {@code suspension_cancelled_visit} (schema
 * {@code case_views}, rebuilt with the case views): each suspension with its lifting, and each visit a suspension
 * cancelled with the case's prison at that moment. A cancellation names no suspension: it is matched to the one it
 * carries out when read, by its date (the suspension's, which the cancelling process copies), prison and planned time.
 * Idempotent: every write is keyed by the event's own identifier.
 */
@Component
@ProcessingGroup(ReadModel.CASE_VIEWS)
class PrisonSuspensionProjection {

    private final JdbcTemplate jdbc;

    PrisonSuspensionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PrisonVisitsSuspended event) {
        jdbc.update(
                """
                INSERT INTO prison_suspension (suspension_id, prison, starts_at, ends_at, reason, occurred_at,
                    recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.suspensionId(),
                event.prison().name(),
                Timestamp.from(event.from()),
                Timestamp.from(event.until()),
                event.reason().name(),
                Timestamp.from(event.occurredAt()),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(PrisonVisitSuspensionLifted event) {
        jdbc.update(
                "UPDATE prison_suspension SET lifted_at = ? WHERE suspension_id = ?",
                Timestamp.from(event.occurredAt()),
                event.suspensionId());
    }

    @EventHandler
    void on(RequestReceived event) {
        jdbc.update(
                "INSERT INTO suspension_case_prison (case_id, prison) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.caseId().value(),
                event.prison().name());
    }

    /** The prison the suspension process reads for a case: moved by a transfer only, as it moves it. */
    @EventHandler
    void on(CustodyChanged event) {
        if (event.change() == CustodyChange.TRANSFERRED && event.prison() != null) {
            jdbc.update(
                    "UPDATE suspension_case_prison SET prison = ? WHERE case_id = ?",
                    event.prison().name(),
                    event.caseId().value());
        }
    }

    @EventHandler
    void on(VisitScheduled event) {
        jdbc.update(
                "INSERT INTO scheduled_visit_time (visit_id, case_id, planned_for) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                event.visitId(),
                event.caseId().value(),
                Timestamp.from(event.plannedFor()));
    }

    /** The case's events come in order: its request and its visit were seen before. */
    @EventHandler
    void on(VisitCancelled event) {
        if (event.reason() != VisitCancellationReason.PRISON_WIDE_SUSPENSION) {
            return;
        }
        jdbc.update("""
                INSERT INTO suspension_cancelled_visit (visit_id, case_id, prison, planned_for, cancelled_on)
                SELECT t.visit_id, t.case_id, p.prison, t.planned_for, ?
                FROM scheduled_visit_time t JOIN suspension_case_prison p ON p.case_id = t.case_id
                WHERE t.visit_id = ? ON CONFLICT DO NOTHING""", Timestamp.from(event.occurredAt()), event.visitId());
    }
}
