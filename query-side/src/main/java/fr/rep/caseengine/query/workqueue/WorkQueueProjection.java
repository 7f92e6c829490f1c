package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseReopened;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.DeadlineApproaching;
import fr.rep.caseengine.events.familycase.DeadlineKind;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.NurseryDerogationGranted;
import fr.rep.caseengine.events.familycase.RequestDeclined;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitCancelled;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import fr.rep.caseengine.query.live.View;
import fr.rep.caseengine.query.live.ViewChange;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns the schema {@code work_queue}: each case's team, caseworker and assignment ({@code work_queue_case}), the
 * deadline warnings still to act on ({@code work_queue_deadline}) and the visits still planned
 * ({@code work_queue_visit}). Items carry the case's team and caseworker and follow it when the case is reassigned.
 * They leave when resolved: a warning of inactivity when anything is next recorded on the case, a permit's end when a
 * permit is issued to that accompanier, a consent's end when that party consents again, a nursery separation when a
 * derogation is granted, a visit when held or cancelled, everything when the case is closed or declined. Whether a
 * deadline is upcoming or overdue, and which visits are this week's, is decided when the queue is read. Idempotent:
 * an event whose sequence number is not above the case's version changes nothing.
 */
@Component
@ProcessingGroup(WorkQueueProcessing.PROCESSING_GROUP)
class WorkQueueProjection {

    private final JdbcTemplate jdbc;

    WorkQueueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case as the queue knows it, after the event's version was recorded. */
    private record Case(UUID caseId, Team team, String caseworker) {}

    /** An event recorded on a known case, and how many warnings of inactivity it resolved. */
    private record Activity(Case known, int warningsResolved) {}

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO work_queue_case (case_id, team, open, version) VALUES (?, ?, TRUE, ?)
                ON CONFLICT (case_id) DO NOTHING""", event.caseId().value(), event.team().name(), sequence);
    }

    @EventHandler
    void on(CaseAssigned event, @SequenceNumber long sequence) {
        Case before = advance(event, sequence);
        if (before == null) {
            return;
        }
        UUID caseId = event.caseId().value();
        jdbc.update(
                "UPDATE work_queue_case SET caseworker = ?, assigned_at = ? WHERE case_id = ?",
                event.caseworker(),
                Timestamp.from(event.occurredAt()),
                caseId);
        jdbc.update("UPDATE work_queue_deadline SET caseworker = ? WHERE case_id = ?", event.caseworker(), caseId);
        jdbc.update("UPDATE work_queue_visit SET caseworker = ? WHERE case_id = ?", event.caseworker(), caseId);
        resolveInactivity(caseId);
        announce(before, event.caseworker());
    }

    @EventHandler
    void on(DeadlineApproaching event, @SequenceNumber long sequence, EventMessage<?> message) {
        Case known = advance(event, sequence);
        if (known == null) {
            return;
        }
        if (event.kind() == DeadlineKind.NO_RECENT_ACTIVITY) {
            resolveInactivity(known.caseId());
        }
        jdbc.update(
                """
                INSERT INTO work_queue_deadline (event_id, case_id, team, caseworker, kind, child, party, accompanier,
                    due_on, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.getIdentifier(),
                known.caseId(),
                known.team().name(),
                known.caseworker(),
                event.kind().name(),
                id(event.child()),
                id(event.party()),
                reference(event.accompanier()),
                Date.valueOf(event.dueOn()),
                Timestamp.from(event.occurredAt()));
        announce(known, null);
    }

    @EventHandler
    void on(VisitScheduled event, @SequenceNumber long sequence) {
        Case known = activity(event, sequence);
        if (known != null) {
            jdbc.update(
                    """
                    INSERT INTO work_queue_visit (visit_id, case_id, team, caseworker, planned_for, place, accompanier)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (visit_id) DO NOTHING""",
                    event.visitId(),
                    known.caseId(),
                    known.team().name(),
                    known.caseworker(),
                    Timestamp.from(event.plannedFor()),
                    event.place().name(),
                    reference(event.accompanier()));
            announce(known, null);
        }
    }

    @EventHandler
    void on(VisitMediated event, @SequenceNumber long sequence) {
        Case known = activity(event, sequence);
        if (known != null && event.visitId() != null) {
            changed(known, jdbc.update("DELETE FROM work_queue_visit WHERE visit_id = ?", event.visitId()));
        }
    }

    @EventHandler
    void on(VisitCancelled event, @SequenceNumber long sequence) {
        Case known = activity(event, sequence);
        if (known != null) {
            changed(known, jdbc.update("DELETE FROM work_queue_visit WHERE visit_id = ?", event.visitId()));
        }
    }

    @EventHandler
    void on(VisitingPermitIssued event, @SequenceNumber long sequence) {
        Case known = activity(event, sequence);
        if (known != null) {
            changed(
                    known,
                    jdbc.update(
                            "DELETE FROM work_queue_deadline WHERE case_id = ? AND kind = ? AND accompanier = ?",
                            known.caseId(),
                            DeadlineKind.PERMIT_EXPIRES.name(),
                            reference(event.accompanier())));
        }
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence) {
        Case known = activity(event, sequence);
        if (known != null) {
            changed(
                    known,
                    jdbc.update(
                            "DELETE FROM work_queue_deadline WHERE case_id = ? AND kind = ? AND party = ?",
                            known.caseId(),
                            DeadlineKind.CONSENT_EXPIRES.name(),
                            event.party().value()));
        }
    }

    @EventHandler
    void on(NurseryDerogationGranted event, @SequenceNumber long sequence) {
        Case known = activity(event, sequence);
        if (known != null) {
            changed(
                    known,
                    jdbc.update(
                            "DELETE FROM work_queue_deadline WHERE case_id = ? AND kind = ? AND child = ?",
                            known.caseId(),
                            DeadlineKind.NURSERY_SEPARATION.name(),
                            event.child().value()));
        }
    }

    @EventHandler
    void on(InterventionClosed event, @SequenceNumber long sequence) {
        close(event, sequence);
    }

    @EventHandler
    void on(RequestDeclined event, @SequenceNumber long sequence) {
        close(event, sequence);
    }

    @EventHandler
    void on(CaseReopened event, @SequenceNumber long sequence) {
        Case known = advance(event, sequence);
        if (known != null) {
            jdbc.update("UPDATE work_queue_case SET open = TRUE WHERE case_id = ?", known.caseId());
            announce(known, null);
        }
    }

    /** Anything else recorded on the case is activity: a warning of inactivity is resolved. */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        activity(event, sequence);
    }

    private void close(CaseEvent event, long sequence) {
        Case known = advance(event, sequence);
        if (known != null) {
            jdbc.update("UPDATE work_queue_case SET open = FALSE WHERE case_id = ?", known.caseId());
            jdbc.update("DELETE FROM work_queue_deadline WHERE case_id = ?", known.caseId());
            jdbc.update("DELETE FROM work_queue_visit WHERE case_id = ?", known.caseId());
            announce(known, null);
        }
    }

    /**
     * Records the event's version and resolves a warning of inactivity, in one statement; null when the event was
     * applied before.
     */
    private Case activity(CaseEvent event, long sequence) {
        List<Activity> found = jdbc.query(
                """
                WITH moved AS (
                    UPDATE work_queue_case SET version = ? WHERE case_id = ? AND version < ?
                    RETURNING case_id, team, caseworker),
                resolved AS (
                    DELETE FROM work_queue_deadline d USING moved WHERE d.case_id = moved.case_id AND d.kind = ?
                    RETURNING d.event_id)
                SELECT case_id, team, caseworker, (SELECT count(*) FROM resolved) FROM moved""",
                (rs, row) -> new Activity(
                        new Case(rs.getObject(1, UUID.class), Team.valueOf(rs.getString(2)), rs.getString(3)),
                        rs.getInt(4)),
                sequence,
                event.caseId().value(),
                sequence,
                DeadlineKind.NO_RECENT_ACTIVITY.name());
        if (found.isEmpty()) {
            return null;
        }
        changed(found.get(0).known(), found.get(0).warningsResolved());
        return found.get(0).known();
    }

    /** Moves the case to this event's version; null when the event was applied before (or the case is unknown). */
    private Case advance(CaseEvent event, long sequence) {
        List<Case> found = jdbc.query(
                """
                UPDATE work_queue_case SET version = ? WHERE case_id = ? AND version < ?
                RETURNING case_id, team, caseworker""",
                (rs, row) -> new Case(rs.getObject(1, UUID.class), Team.valueOf(rs.getString(2)), rs.getString(3)),
                sequence,
                event.caseId().value(),
                sequence);
        return found.isEmpty() ? null : found.get(0);
    }

    private int resolveInactivity(UUID caseId) {
        return jdbc.update(
                "DELETE FROM work_queue_deadline WHERE case_id = ? AND kind = ?",
                caseId,
                DeadlineKind.NO_RECENT_ACTIVITY.name());
    }

    private void changed(Case known, int rows) {
        if (rows > 0) {
            announce(known, null);
        }
    }

    private void announce(Case known, String newCaseworker) {
        List<String> caseworkers = new ArrayList<>();
        caseworkers.add(known.caseworker());
        caseworkers.add(newCaseworker);
        new ViewChange(View.WORK_QUEUE.processingGroup(), known.team(), known.caseId(), caseworkers).announce(jdbc);
    }

    private static UUID id(SubjectId subject) {
        return subject == null ? null : subject.value();
    }

    /** The accompanier as stored in the view: its reference ({@code account:…}, {@code person:…}), never a name. */
    private static String reference(Accompanier accompanier) {
        return accompanier == null ? null : accompanier.toString();
    }
}
