package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.CustodyChanged;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitCancelled;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns {@code case_prison} and {@code scheduled_visit}: where each case's parent is held and the visits still to come,
 * so that a prison-wide suspension finds the visits it hits. Runs in the command's transaction (subscribing).
 */
@Component
@ProcessingGroup("scheduled-visits")
class ScheduledVisitsProjection {

    private final JdbcTemplate jdbc;

    ScheduledVisitsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived event) {
        jdbc.update(
                "INSERT INTO case_prison (case_id, prison) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.caseId().value(),
                event.prison().name());
    }

    @EventHandler
    void on(CustodyChanged event) {
        if (event.change() == CustodyChange.TRANSFERRED && event.prison() != null) {
            jdbc.update(
                    "UPDATE case_prison SET prison = ? WHERE case_id = ?",
                    event.prison().name(),
                    event.caseId().value());
        }
    }

    @EventHandler
    void on(VisitScheduled event) {
        jdbc.update(
                """
                INSERT INTO scheduled_visit (visit_id, case_id, prison, planned_for, status)
                SELECT ?, case_id, prison, ?, 'SCHEDULED' FROM case_prison WHERE case_id = ?
                ON CONFLICT DO NOTHING""",
                event.visitId(),
                Timestamp.from(event.plannedFor()),
                event.caseId().value());
    }

    @EventHandler
    void on(VisitMediated event) {
        if (event.visitId() != null) {
            jdbc.update("UPDATE scheduled_visit SET status = 'HELD' WHERE visit_id = ?", event.visitId());
        }
    }

    @EventHandler
    void on(VisitCancelled event) {
        jdbc.update("UPDATE scheduled_visit SET status = 'CANCELLED' WHERE visit_id = ?", event.visitId());
    }
}
