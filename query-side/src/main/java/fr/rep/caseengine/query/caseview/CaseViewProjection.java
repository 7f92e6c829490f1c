package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.CourtDecisionRecorded;
import fr.rep.caseengine.events.familycase.CustodyChanged;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.NoContactOrderLifted;
import fr.rep.caseengine.events.familycase.NoContactOrdered;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PersonalDataErased;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitCancelled;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import fr.rep.caseengine.events.familycase.VisitingPermitExpired;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import fr.rep.caseengine.query.projection.StageChange;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Owns {@code case_view}, {@code case_view_person}, and what the case page lists: {@code case_view_visit} (the visits
 * planned), {@code case_view_permit}, {@code case_view_custody}, {@code case_view_court_decision} and
 * {@code case_view_no_contact}. Idempotent: an event whose sequence number is not above the case's version was
 * applied already and changes nothing, so a redelivered batch leaves the view as it was.
 */
@Component
@ProcessingGroup(CaseViewsProcessing.PROCESSING_GROUP)
class CaseViewProjection {

    static final String CHILD_ROLE = "CHILD";

    private final JdbcTemplate jdbc;

    CaseViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequence) {
        int inserted = jdbc.update("""
                INSERT INTO case_view (case_id, team, prison, stage, referrer_type, channel, penal_status,
                    educational_or_judicial_measure, received_at, children_count, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                event.caseId().value(), event.team().name(), event.prison().name(),
                CaseStage.next(null, event).name(), event.referrerType().name(), event.channel().name(),
                event.penalStatus().name(), event.educationalOrJudicialMeasure(), timestamp(event.occurredAt()),
                event.children().size(), sequence);
        if (inserted == 0) {
            return;
        }
        List<Object[]> people = new ArrayList<>();
        people.add(person(event, event.detainedParent(), people.size(), PartyRole.DETAINED_PARENT.name(), null));
        for (PartyOnCase party : event.parties()) {
            people.add(person(event, party.subjectId(), people.size(), party.role().name(), null));
        }
        for (ChildOnCase child : event.children()) {
            people.add(person(event, child.subjectId(), people.size(), CHILD_ROLE, child));
        }
        jdbc.batchUpdate("""
                INSERT INTO case_view_person (case_id, subject_id, position, role, birth_date, department, housing,
                    parental_authority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", people);
    }

    @EventHandler
    void on(CaseAssigned event, @SequenceNumber long sequence) {
        advance(event, sequence, "assigned_to = ?", event.caseworker());
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            changeConsent(event, event.party(), true);
        }
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            changeConsent(event, event.party(), false);
        }
    }

    @EventHandler
    void on(VisitMediated event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "visit_count = visit_count + 1, last_visit_at = GREATEST(last_visit_at, ?)",
                timestamp(event.occurredAt())) && event.visitId() != null) {
            jdbc.update("UPDATE case_view_visit SET status = 'HELD', held_by = ? WHERE visit_id = ?", eventId,
                    event.visitId());
        }
    }

    @EventHandler
    void on(VisitScheduled event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("""
                    INSERT INTO case_view_visit (visit_id, case_id, planned_for, place, children, status)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED') ON CONFLICT DO NOTHING""",
                    event.visitId(), event.caseId().value(), timestamp(event.plannedFor()), event.place().name(),
                    event.children().size());
        }
    }

    @EventHandler
    void on(VisitCancelled event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("UPDATE case_view_visit SET status = 'CANCELLED' WHERE visit_id = ?", event.visitId());
        }
    }

    /** A corrected entry stays listed, marked void; a held visit whose record is voided is planned again. */
    @EventHandler
    void on(EntryCorrected event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("UPDATE case_view_visit SET status = 'SCHEDULED', held_by = NULL WHERE case_id = ? "
                    + "AND held_by = ?", event.caseId().value(), event.correctedEventId());
            jdbc.update("UPDATE case_view_custody SET corrected = TRUE WHERE case_id = ? AND event_id = ?",
                    event.caseId().value(), event.correctedEventId());
        }
    }

    /** A permit issued again to the same accompanier for the same prison replaces the earlier one, as in the case. */
    @EventHandler
    void on(VisitingPermitIssued event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("""
                    INSERT INTO case_view_permit (case_id, accompanier, prison, issued_at, valid_until)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (case_id, accompanier, prison) DO UPDATE
                    SET issued_at = EXCLUDED.issued_at, valid_until = EXCLUDED.valid_until, ended_at = NULL""",
                    event.caseId().value(), event.accompanier().toString(), event.prison().name(),
                    timestamp(event.occurredAt()), Date.valueOf(event.validUntil()));
        }
    }

    @EventHandler
    void on(VisitingPermitExpired event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("UPDATE case_view_permit SET ended_at = ? WHERE case_id = ? AND accompanier = ? AND prison = ?",
                    timestamp(event.occurredAt()), event.caseId().value(), event.accompanier().toString(),
                    event.prison().name());
        }
    }

    @EventHandler
    void on(CustodyChanged event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.update("""
                    INSERT INTO case_view_custody (event_id, case_id, sequence, change, prison, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    eventId, event.caseId().value(), sequence, event.change().name(),
                    event.prison() == null ? null : event.prison().name(), timestamp(event.occurredAt()));
        }
    }

    @EventHandler
    void on(CourtDecisionRecorded event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.update("""
                    INSERT INTO case_view_court_decision (event_id, case_id, sequence, court, rights, children,
                        occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    eventId, event.caseId().value(), sequence, event.court().name(), event.rights().name(),
                    subjects(event.children()), timestamp(event.occurredAt()));
        }
    }

    @EventHandler
    void on(NoContactOrdered event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.batchUpdate("""
                    INSERT INTO case_view_no_contact (event_id, child, case_id, court, ordered_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    event.children().stream().map(child -> new Object[]{eventId, child.value(),
                            event.caseId().value(), event.court().name(), timestamp(event.occurredAt())}).toList());
        }
    }

    /** A lifting ends every order still standing for the children it names. */
    @EventHandler
    void on(NoContactOrderLifted event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("UPDATE case_view_no_contact SET lifted_at = ? WHERE case_id = ? AND child = ANY (?) "
                    + "AND lifted_at IS NULL", timestamp(event.occurredAt()), event.caseId().value(),
                    subjects(event.children()));
        }
    }

    /** A child joining later (a sibling, a birth) is listed after everyone already on the case. */
    @EventHandler
    void on(ChildAdded event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "children_count = children_count + 1")) {
            ChildOnCase child = event.child();
            jdbc.update("""
                    INSERT INTO case_view_person (case_id, subject_id, position, role, birth_date, department, housing,
                        parental_authority)
                    SELECT ?, ?, coalesce(max(position) + 1, 0), ?, ?, ?, ?, ? FROM case_view_person WHERE case_id = ?
                    ON CONFLICT DO NOTHING""",
                    event.caseId().value(), child.subjectId().value(), CHILD_ROLE, Date.valueOf(child.birthDate()),
                    child.department() == null ? null : child.department().code(), child.housing().name(),
                    child.parentalAuthority().value(), event.caseId().value());
        }
    }

    @EventHandler
    void on(InterventionClosed event, @SequenceNumber long sequence) {
        advance(event, sequence, "closed_at = ?, closing_reason = ?", timestamp(event.occurredAt()),
                event.reason().name());
    }

    /** The person stays, with the facts the figures count; only their name is gone, for good. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update("UPDATE case_view_person SET erased_at = ? WHERE case_id = ? AND subject_id = ?",
                    timestamp(event.occurredAt()), event.caseId().value(), event.subject().value());
        }
    }

    /** Any other event of the case moves its version and, by the shared lifecycle table, its stage. */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        advance(event, sequence, "");
    }

    /**
     * Moves the case to this event's version and, by the lifecycle table, its stage ({@link StageChange}), together
     * with the event's own {@code changes} ({@code column = ?, ...}, with their {@code arguments}): one statement.
     * False when the event was applied before (the case's version is already at or above it): nothing changed.
     */
    private boolean advance(CaseEvent event, long sequence, String changes, Object... arguments) {
        StringBuilder sql = new StringBuilder("UPDATE case_view SET version = ?");
        List<Object> values = new ArrayList<>();
        values.add(sequence);
        StageChange.of(event).assign(sql, values);
        if (!changes.isEmpty()) {
            sql.append(", ").append(changes);
            values.addAll(Arrays.asList(arguments));
        }
        sql.append(" WHERE case_id = ? AND version < ?");
        values.add(event.caseId().value());
        values.add(sequence);
        return jdbc.update(sql.toString(), values.toArray()) > 0;
    }

    /** Consents reported late must not override a later change: the latest occurredAt wins. */
    private void changeConsent(CaseEvent event, SubjectId party, boolean given) {
        jdbc.update("""
                UPDATE case_view_person SET consent_given = ?, consent_changed_at = ?
                WHERE case_id = ? AND subject_id = ? AND (consent_changed_at IS NULL OR consent_changed_at <= ?)""",
                given, timestamp(event.occurredAt()), event.caseId().value(), party.value(),
                timestamp(event.occurredAt()));
    }

    private static Object[] person(RequestReceived event, SubjectId subject, int position, String role,
                                   ChildOnCase child) {
        UUID authority = child == null ? null : child.parentalAuthority().value();
        return new Object[]{event.caseId().value(), subject.value(), position, role,
                child == null ? null : Date.valueOf(child.birthDate()),
                child == null || child.department() == null ? null : child.department().code(),
                child == null ? null : child.housing().name(), authority};
    }

    private static UUID[] subjects(List<SubjectId> subjects) {
        return subjects.stream().map(SubjectId::value).toArray(UUID[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
