package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.events.familycase.HomeVisitMade;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.InterviewHeld;
import fr.rep.caseengine.events.familycase.NurseryAccompanimentMade;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitMediated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns the tables of schema {@code activity_report}: cases, support periods, children and one row per counted fact,
 * keyed by event id. Idempotent: every write is keyed by an event id (or a case's and child's ids), so a redelivered
 * event changes nothing. Everything goes through the injected {@link JdbcTemplate} and nothing is kept in memory, so
 * a rebuild can run new instances against a shadow schema.
 */
@Component
@ProcessingGroup(ActivityReportProcessing.PROCESSING_GROUP)
class ActivityReportProjection {

    /** The kinds of counted facts, stored in {@code report_fact.kind}. */
    enum FactKind { INTERVIEW, HOME_VISIT, VISIT, NURSERY, COLLECTIVE }

    static final String TALKING_GROUP = "TALKING_GROUP";

    private final JdbcTemplate jdbc;

    ActivityReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived event) {
        int inserted = jdbc.update("""
                INSERT INTO report_case (case_id, team, prison, referrer_type, measure, received_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                event.caseId().value(), event.team().name(), event.prison().name(), event.referrerType().name(),
                event.educationalOrJudicialMeasure(), timestamp(event.occurredAt()));
        if (inserted == 0) {
            return;
        }
        List<Object[]> children = new ArrayList<>();
        for (ChildOnCase child : event.children()) {
            children.add(child(event, child));
        }
        jdbc.batchUpdate(INSERT_CHILD, children);
    }

    @EventHandler
    void on(ChildAdded event) {
        jdbc.update(INSERT_CHILD, child(event, event.child()));
    }

    @EventHandler
    void on(RequestAccepted event, @MessageIdentifier String eventId) {
        jdbc.update("""
                INSERT INTO support_period (accepted_event_id, case_id, team, prison, referrer_type, measure,
                    accepted_at)
                SELECT ?, case_id, team, prison, referrer_type, measure, ? FROM report_case WHERE case_id = ?
                ON CONFLICT (accepted_event_id) DO NOTHING""",
                eventId, timestamp(event.occurredAt()), event.caseId().value());
    }

    @EventHandler
    void on(InterventionClosed event, @MessageIdentifier String eventId) {
        jdbc.update("""
                UPDATE support_period SET closed_at = ?, closed_event_id = ?
                WHERE case_id = ? AND closed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM support_period WHERE closed_event_id = ?)""",
                timestamp(event.occurredAt()), eventId, event.caseId().value(), eventId);
    }

    @EventHandler
    void on(InterviewHeld event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.INTERVIEW, event.kind().name(), 0, false);
    }

    @EventHandler
    void on(HomeVisitMade event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.HOME_VISIT, "-", event.kilometres(), false);
    }

    @EventHandler
    void on(VisitMediated event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.VISIT, event.place().name(),
                event.kilometres() == null ? 0 : event.kilometres(),
                event.accompaniedBy() == Accompaniment.VOLUNTEER);
    }

    @EventHandler
    void on(NurseryAccompanimentMade event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.NURSERY, "-", event.kilometres(), false);
    }

    /** The corrected fact stops counting, whatever year it was counted in. */
    @EventHandler
    void on(EntryCorrected event) {
        jdbc.update("UPDATE report_fact SET voided = TRUE WHERE event_id = ?", event.correctedEventId());
    }

    @EventHandler
    void on(CollectiveSessionHeld event, @MessageIdentifier String eventId) {
        collectiveFact(eventId, event.team().name(), event.prison().name(), event.kind().name(),
                event.occurredAt(), event.participants().size());
    }

    @EventHandler
    void on(TalkingGroupSessionHeld event, @MessageIdentifier String eventId) {
        collectiveFact(eventId, event.team().name(), event.prison().name(), TALKING_GROUP, event.occurredAt(),
                event.participants().size());
    }

    private static final String INSERT_CHILD = """
            INSERT INTO report_child (case_id, subject_id, birth_date, department, housing, added_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, subject_id) DO NOTHING""";

    private static Object[] child(CaseEvent event, ChildOnCase child) {
        return new Object[]{event.caseId().value(), child.subjectId().value(), Date.valueOf(child.birthDate()),
                child.department() == null ? null : child.department().code(), child.housing().name(),
                timestamp(event.occurredAt())};
    }

    private void caseFact(String eventId, CaseEvent event, FactKind kind, String detail, int kilometres,
                          boolean byVolunteer) {
        jdbc.update("""
                INSERT INTO report_fact (event_id, case_id, team, prison, kind, detail, occurred_at, kilometres,
                    by_volunteer, participants)
                SELECT ?, case_id, team, NULL, ?, ?, ?, ?, ?, 0 FROM report_case WHERE case_id = ?
                ON CONFLICT (event_id) DO NOTHING""",
                eventId, kind.name(), detail, timestamp(event.occurredAt()), kilometres, byVolunteer,
                event.caseId().value());
    }

    private void collectiveFact(String eventId, String team, String prison, String kind, Instant occurredAt,
                                int participants) {
        jdbc.update("""
                INSERT INTO report_fact (event_id, case_id, team, prison, kind, detail, occurred_at, kilometres,
                    by_volunteer, participants)
                VALUES (?, NULL, ?, ?, ?, ?, ?, 0, FALSE, ?) ON CONFLICT (event_id) DO NOTHING""",
                eventId, team, prison, FactKind.COLLECTIVE.name(), kind, timestamp(occurredAt), participants);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
