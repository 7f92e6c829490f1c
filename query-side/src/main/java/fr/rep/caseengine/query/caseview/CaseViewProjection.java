package fr.rep.caseengine.query.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseFacts;
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
import fr.rep.caseengine.query.projection.ReplayMemory;
import fr.rep.caseengine.query.projection.StageChange;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns {@code case_view}, {@code case_view_person}, and what the case page lists: {@code case_view_visit} (the visits
 * planned), {@code case_view_permit}, {@code case_view_custody}, {@code case_view_court_decision} and
 * {@code case_view_no_contact}. Idempotent: an event whose sequence number is not above the case's version was
 * applied already and changes nothing, so a redelivered batch leaves the view as it was.
 * <p>
 * The case's prison, its visit count and each party's consent are not worked out here: the entries they depend on
 * are kept in {@code case_view_fact} and read through {@link CaseFacts}, as the command side reads them, so that a
 * consent's end date, a fact reported late and a correction count here as they count there (docs/decisions/0008).
 */
@Component
@ProcessingGroup(CaseViewsProcessing.PROCESSING_GROUP)
class CaseViewProjection {

    static final String CHILD_ROLE = "CHILD";

    /** The events whose facts the list and the page show: the case's prison, visits held, consents. */
    private static final Map<String, Class<? extends CaseEvent>> SHOWN_FACTS = Stream.of(
                    RequestReceived.class,
                    ConsentRecorded.class,
                    ConsentWithdrawn.class,
                    CustodyChanged.class,
                    VisitMediated.class,
                    EntryCorrected.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    /** The events as their current records: the stored entries are rewritten by a rebuild when a record changes. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcTemplate jdbc;

    CaseViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        int inserted = jdbc.update(
                """
                INSERT INTO case_view (case_id, team, prison, stage, referrer_type, channel, penal_status,
                    educational_or_judicial_measure, received_at, children_count, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                event.caseId().value(),
                event.team().name(),
                event.prison().name(),
                CaseStage.next(null, event).name(),
                event.referrerType().name(),
                event.channel().name(),
                event.penalStatus().name(),
                event.educationalOrJudicialMeasure(),
                timestamp(event.occurredAt()),
                event.children().size(),
                sequence);
        if (inserted == 0) {
            return;
        }
        List<Object[]> people = new ArrayList<>();
        people.add(person(event, event.detainedParent(), people.size(), PartyRole.DETAINED_PARENT.name(), null));
        for (PartyOnCase party : event.parties()) {
            people.add(
                    person(event, party.subjectId(), people.size(), party.role().name(), null));
        }
        for (ChildOnCase child : event.children()) {
            people.add(person(event, child.subjectId(), people.size(), CHILD_ROLE, child));
        }
        jdbc.batchUpdate("""
                INSERT INTO case_view_person (case_id, subject_id, position, role, birth_date, department, housing,
                    parental_authority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", people);
        keepFact(event, sequence, eventId);
    }

    @EventHandler
    void on(CaseAssigned event, @SequenceNumber long sequence) {
        advance(event, sequence, "assigned_to = ?", event.caseworker());
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            showFacts(event, sequence, eventId);
        }
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            showFacts(event, sequence, eventId);
        }
    }

    @EventHandler
    void on(VisitMediated event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (!advance(event, sequence, "")) {
            return;
        }
        if (event.visitId() != null) {
            jdbc.update(
                    "UPDATE case_view_visit SET status = 'HELD', held_by = ? WHERE visit_id = ?",
                    eventId,
                    event.visitId());
        }
        showFacts(event, sequence, eventId);
    }

    @EventHandler
    void on(VisitScheduled event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    """
                    INSERT INTO case_view_visit (visit_id, case_id, planned_for, place, children, status)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED') ON CONFLICT DO NOTHING""",
                    event.visitId(),
                    event.caseId().value(),
                    timestamp(event.plannedFor()),
                    event.place().name(),
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
    void on(EntryCorrected event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    "UPDATE case_view_visit SET status = 'SCHEDULED', held_by = NULL WHERE case_id = ? "
                            + "AND held_by = ?",
                    event.caseId().value(),
                    event.correctedEventId());
            jdbc.update(
                    "UPDATE case_view_custody SET corrected = TRUE WHERE case_id = ? AND event_id = ?",
                    event.caseId().value(),
                    event.correctedEventId());
            showFacts(event, sequence, eventId);
        }
    }

    /** A permit issued again to the same accompanier for the same prison replaces the earlier one, as in the case. */
    @EventHandler
    void on(VisitingPermitIssued event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    """
                    INSERT INTO case_view_permit (case_id, accompanier, prison, issued_at, valid_until)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (case_id, accompanier, prison) DO UPDATE
                    SET issued_at = EXCLUDED.issued_at, valid_until = EXCLUDED.valid_until, ended_at = NULL""",
                    event.caseId().value(),
                    event.accompanier().toString(),
                    event.prison().name(),
                    timestamp(event.occurredAt()),
                    Date.valueOf(event.validUntil()));
        }
    }

    @EventHandler
    void on(VisitingPermitExpired event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    "UPDATE case_view_permit SET ended_at = ? WHERE case_id = ? AND accompanier = ? AND prison = ?",
                    timestamp(event.occurredAt()),
                    event.caseId().value(),
                    event.accompanier().toString(),
                    event.prison().name());
        }
    }

    @EventHandler
    void on(CustodyChanged event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    """
                    INSERT INTO case_view_custody (event_id, case_id, sequence, change, prison, occurred_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    eventId,
                    event.caseId().value(),
                    sequence,
                    event.change().name(),
                    event.prison() == null ? null : event.prison().name(),
                    timestamp(event.occurredAt()));
            showFacts(event, sequence, eventId);
        }
    }

    @EventHandler
    void on(CourtDecisionRecorded event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    """
                    INSERT INTO case_view_court_decision (event_id, case_id, sequence, court, rights, children,
                        occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    eventId,
                    event.caseId().value(),
                    sequence,
                    event.court().name(),
                    event.rights().name(),
                    subjects(event.children()),
                    timestamp(event.occurredAt()));
        }
    }

    @EventHandler
    void on(NoContactOrdered event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (advance(event, sequence, "")) {
            jdbc.batchUpdate(
                    """
                    INSERT INTO case_view_no_contact (event_id, child, case_id, court, ordered_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    event.children().stream()
                            .map(child -> new Object[] {
                                eventId,
                                child.value(),
                                event.caseId().value(),
                                event.court().name(),
                                timestamp(event.occurredAt())
                            })
                            .toList());
        }
    }

    /** A lifting ends every order still standing for the children it names. */
    @EventHandler
    void on(NoContactOrderLifted event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    "UPDATE case_view_no_contact SET lifted_at = ? WHERE case_id = ? AND child = ANY (?) "
                            + "AND lifted_at IS NULL",
                    timestamp(event.occurredAt()),
                    event.caseId().value(),
                    subjects(event.children()));
        }
    }

    /** A child joining later (a sibling, a birth) is listed after everyone already on the case. */
    @EventHandler
    void on(ChildAdded event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "children_count = children_count + 1")) {
            ChildOnCase child = event.child();
            jdbc.update(
                    """
                    INSERT INTO case_view_person (case_id, subject_id, position, role, birth_date, department, housing,
                        parental_authority)
                    SELECT ?, ?, coalesce(max(position) + 1, 0), ?, ?, ?, ?, ? FROM case_view_person WHERE case_id = ?
                    ON CONFLICT DO NOTHING""",
                    event.caseId().value(),
                    child.subjectId().value(),
                    CHILD_ROLE,
                    Date.valueOf(child.birthDate()),
                    child.department() == null ? null : child.department().code(),
                    child.housing().name(),
                    child.parentalAuthority().value(),
                    event.caseId().value());
        }
    }

    @EventHandler
    void on(InterventionClosed event, @SequenceNumber long sequence) {
        advance(
                event,
                sequence,
                "closed_at = ?, closing_reason = ?",
                timestamp(event.occurredAt()),
                event.reason().name());
    }

    /** The person stays, with the facts the figures count; only their name is gone, for good. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        if (advance(event, sequence, "")) {
            jdbc.update(
                    "UPDATE case_view_person SET erased_at = ? WHERE case_id = ? AND subject_id = ?",
                    timestamp(event.occurredAt()),
                    event.caseId().value(),
                    event.subject().value());
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

    /** Keeps the entry, then shows what the case's entries now say: its prison, visits held, each party's consent. */
    private void showFacts(CaseEvent event, long sequence, String eventId) {
        UUID caseId = event.caseId().value();
        Optional<ReplayMemory.Scope> memory = ReplayMemory.current();
        CaseFacts remembered =
                memory.map(kept -> kept.<CaseFacts>get(new KeptFacts(caseId))).orElse(null);
        if (remembered != null) {
            // A rebuild remembers the entries it read and kept for this case: only this one is new, read back from
            // its JSON as the others were.
            String payload = payloadOf(event, eventId);
            jdbc.update(
                    "INSERT INTO case_view_fact (case_id, sequence, event_id, event_type, payload) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    caseId,
                    sequence,
                    eventId,
                    event.getClass().getSimpleName(),
                    payload);
            remembered.fold(eventId, read(event.getClass().getSimpleName(), payload));
            shown(remembered.all(), caseId);
            return;
        }
        CaseFacts facts = new CaseFacts();
        // One round trip: the entry kept (the sub-statement's row is not yet visible to the outer read, hence the
        // union; a redelivered entry is already in the table and kept nothing), then all the case's entries read.
        jdbc.query(
                """
                WITH kept AS (
                    INSERT INTO case_view_fact (case_id, sequence, event_id, event_type, payload)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    RETURNING sequence, event_id, event_type, payload)
                SELECT sequence, event_id, event_type, payload FROM case_view_fact WHERE case_id = ?
                UNION ALL SELECT sequence, event_id, event_type, payload FROM kept
                ORDER BY sequence""",
                rs -> {
                    facts.fold(rs.getString("event_id"), read(rs.getString("event_type"), rs.getString("payload")));
                },
                caseId,
                sequence,
                eventId,
                event.getClass().getSimpleName(),
                payloadOf(event, eventId),
                caseId);
        memory.ifPresent(kept -> kept.put(new KeptFacts(caseId), facts));
        shown(facts.all(), caseId);
    }

    /** A case's entries as a rebuild remembers them ({@link ReplayMemory}). */
    private record KeptFacts(UUID caseId) {}

    /**
     * The latest of what the entries say (an entry dated ahead counts once recorded); whether a consent has expired
     * depends on the day it is read, and is worked out then ({@link CaseViewController}).
     */
    private void shown(CaseFacts.Known known, UUID caseId) {
        CaseFacts.Visits visits = known.visits();
        // A case recorded before the view kept its entries has no request among them until a rebuild: its prison
        // stays as it was rather than failing the event (docs/operations.md).
        jdbc.update(
                "UPDATE case_view SET prison = COALESCE(?, prison), visit_count = ?, last_visit_at = ? "
                        + "WHERE case_id = ?",
                known.received() ? known.prison(Instant.MAX).name() : null,
                visits.held(),
                visits.lastHeld() == null ? null : timestamp(visits.lastHeld()),
                caseId);
        List<Object[]> consents = new ArrayList<>();
        known.parties().keySet().forEach(party -> {
            CaseFacts.Consent consent = known.consent(party, Instant.MAX);
            consents.add(new Object[] {
                consent != null && consent.given(),
                consent == null ? null : timestamp(consent.since()),
                consent == null || consent.validUntil() == null ? null : Date.valueOf(consent.validUntil()),
                caseId,
                party.value()
            });
        });
        jdbc.batchUpdate(
                "UPDATE case_view_person SET consent_given = ?, consent_changed_at = ?, "
                        + "consent_valid_until = ? WHERE case_id = ? AND subject_id = ?",
                consents);
    }

    private void keepFact(CaseEvent event, long sequence, String eventId) {
        jdbc.update(
                "INSERT INTO case_view_fact (case_id, sequence, event_id, event_type, payload) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.caseId().value(),
                sequence,
                eventId,
                event.getClass().getSimpleName(),
                payloadOf(event, eventId));
    }

    private static String payloadOf(CaseEvent event, String eventId) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("event " + eventId + " cannot be kept as JSON", unwritable);
        }
    }

    private static CaseEvent read(String type, String payload) {
        try {
            return JSON.readValue(payload, SHOWN_FACTS.get(type));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException(
                    "a kept " + type + " cannot be read back: rebuild the case views", unreadable);
        }
    }

    private static Object[] person(
            RequestReceived event, SubjectId subject, int position, String role, ChildOnCase child) {
        UUID authority = child == null ? null : child.parentalAuthority().value();
        return new Object[] {
            event.caseId().value(),
            subject.value(),
            position,
            role,
            child == null ? null : Date.valueOf(child.birthDate()),
            child == null || child.department() == null
                    ? null
                    : child.department().code(),
            child == null ? null : child.housing().name(),
            authority
        };
    }

    private static UUID[] subjects(List<SubjectId> subjects) {
        return subjects.stream().map(SubjectId::value).toArray(UUID[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
