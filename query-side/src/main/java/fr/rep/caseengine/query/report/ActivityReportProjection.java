package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseReviewed;
import fr.rep.caseengine.events.familycase.ChildAdded;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ContactStepTaken;
import fr.rep.caseengine.events.familycase.EntryCorrected;
import fr.rep.caseengine.events.familycase.HomeVisitMade;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.InterviewHeld;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import fr.rep.caseengine.events.familycase.NurseryAccompanimentMade;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.query.projection.PerTransaction;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns the tables of schema {@code activity_report}: cases, support periods, children, counted facts, and the running
 * tallies per year a report reads (see docs/report.md, "How it is computed").
 *
 * <p>A family counts in every year one of its support periods overlaps: {@code family_year} holds a row per family
 * and year, up to the {@code report_horizon}, the latest year of any event seen. When an event of a later year
 * arrives, every open period is carried into the new year(s) in one statement. Every tally changes with the row it
 * counts, in the same transaction.
 *
 * <p>Idempotent: each write is keyed by an event id (or a case's and child's ids) and tallies move only when that
 * keyed write happened, so a redelivered event changes nothing. Everything goes through the injected
 * {@link JdbcTemplate} and nothing is kept in memory; the {@link Clock} only gives the service's time zone, which
 * decides an event's calendar date. The group runs on one segment: the horizon is one row.
 */
@Component
@ProcessingGroup(ActivityReportProcessing.PROCESSING_GROUP)
class ActivityReportProjection {

    /** The kinds of counted facts, stored in {@code report_fact.kind}. */
    enum FactKind {
        INTERVIEW,
        HOME_VISIT,
        VISIT,
        NURSERY,
        COLLECTIVE,
        CONTACT_STEP,
        REVIEW
    }

    static final String TALKING_GROUP = "TALKING_GROUP";

    /** The follow-up bucket of a period from {@code since} to {@code until} (two SQL date expressions). */
    static String bucket(String since, String until) {
        return ("CASE WHEN %2$s < %1$s + interval '6 months' THEN '" + ActivityReports.LESS_THAN_6_MONTHS + "'"
                        + " WHEN %2$s < %1$s + interval '1 year' THEN '" + ActivityReports.SIX_TO_12_MONTHS + "'"
                        + " WHEN %2$s < %1$s + interval '2 years' THEN '" + ActivityReports.ONE_TO_2_YEARS + "'"
                        + " ELSE '" + ActivityReports.TWO_YEARS_OR_MORE + "' END")
                .formatted(since, until);
    }

    /** The age band at 31 December of a year (an SQL integer expression) of a child born on {@code birthDate}. */
    static String bandAtYearEnd(String birthDate, String year) {
        return ("CASE WHEN %1$s > make_date(%2$s - 6, 12, 31) THEN '0-6'"
                        + " WHEN %1$s > make_date(%2$s - 12, 12, 31) THEN '6-12'"
                        + " WHEN %1$s > make_date(%2$s - 16, 12, 31) THEN '12-16' ELSE '16+' END")
                .formatted(birthDate, year);
    }

    /** The open periods as family rows of a year (given twice as the two arguments). */
    static final String OPEN_FAMILIES = "SELECT y.year, p.case_id, p.accepted_on AS since, y.until, "
            + bucket("p.accepted_on", "y.until") + " AS bucket"
            + " FROM support_period p, (SELECT ?::int AS year, make_date(?::int, 12, 31) AS until) y"
            + " WHERE p.closed_on IS NULL";

    private final JdbcTemplate jdbc;
    private final PerTransaction<AtomicInteger> lockedHorizon =
            new PerTransaction<>(() -> new AtomicInteger(Integer.MIN_VALUE));
    private final ZoneId zone;

    ActivityReportProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @EventHandler
    void on(RequestReceived event) {
        reachYear(event.occurredAt());
        int inserted = jdbc.update(
                """
                INSERT INTO report_case (case_id, team, prison, referrer_type, measure)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                event.caseId().value(),
                event.team().name(),
                event.prison().name(),
                event.referrerType().name(),
                event.educationalOrJudicialMeasure());
        if (inserted == 0) {
            return;
        }
        List<Object[]> parents = new ArrayList<>();
        parents.add(new Object[] {event.caseId().value(), event.detainedParent().value()});
        event.parties().stream()
                .filter(party -> party.role() == PartyRole.DETAINED_PARENT)
                .forEach(party -> parents.add(
                        new Object[] {event.caseId().value(), party.subjectId().value()}));
        jdbc.batchUpdate(
                "INSERT INTO report_parent (case_id, subject_id) VALUES (?, ?) ON CONFLICT DO NOTHING", parents);
        List<Object[]> children = new ArrayList<>();
        for (ChildOnCase child : event.children()) {
            children.add(child(event, child));
        }
        jdbc.batchUpdate(INSERT_CHILD, children);
    }

    @EventHandler
    void on(ChildAdded event) {
        reachYear(event.occurredAt());
        if (jdbc.update(INSERT_CHILD, child(event, event.child())) == 0) {
            return;
        }
        // The child counts in every year its family is counted in from the year it was added.
        String department = department(event.child());
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT f.year, c.team FROM family_year f JOIN report_case c ON c.case_id = f.case_id
                WHERE f.case_id = ? AND f.year >= ?""", event.caseId().value(), year(event.occurredAt()))) {
            int year = (Integer) row.get("year");
            String team = (String) row.get("team");
            tallyChildAge(year, team, event.child().birthDate(), 1);
            jdbc.update(
                    TALLY_CHILD_BAND, year, team, 1, Date.valueOf(event.child().birthDate()), year);
            jdbc.update(
                    TALLY_CHILD_PLACE,
                    year,
                    team,
                    department,
                    event.child().housing().name(),
                    1);
        }
    }

    @EventHandler
    void on(RequestAccepted event, @MessageIdentifier String eventId) {
        int horizon = reachYear(event.occurredAt());
        LocalDate accepted = date(event.occurredAt());
        if (jdbc.update("""
                INSERT INTO support_period (accepted_event_id, case_id, accepted_on)
                SELECT ?, case_id, ? FROM report_case WHERE case_id = ?
                ON CONFLICT (accepted_event_id) DO NOTHING""", eventId, Date.valueOf(accepted), event.caseId().value()) == 0) {
            return;
        }
        for (int year = accepted.getYear(); year <= horizon; year++) {
            countFamily(event.caseId().value(), year, accepted, LocalDate.of(year, 12, 31));
        }
    }

    @EventHandler
    void on(InterventionClosed event, @MessageIdentifier String eventId) {
        reachYear(event.occurredAt());
        LocalDate closed = date(event.occurredAt());
        List<Date> since = jdbc.queryForList(
                """
                UPDATE support_period SET closed_on = ?, closed_event_id = ?
                WHERE case_id = ? AND closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM support_period WHERE closed_event_id = ?)
                RETURNING accepted_on""", Date.class, Date.valueOf(closed), eventId, event.caseId().value(), eventId);
        if (since.isEmpty()) {
            return;
        }
        UUID caseId = event.caseId().value();
        for (Integer year : jdbc.queryForList(
                "SELECT year FROM family_year WHERE case_id = ? AND year > ?",
                Integer.class,
                caseId,
                closed.getYear())) {
            uncountFamily(caseId, year);
        }
        if (closed.getYear() >= since.get(0).toLocalDate().getYear()) {
            countFamily(caseId, closed.getYear(), since.get(0).toLocalDate(), closed);
        }
    }

    @EventHandler
    void on(InterviewHeld event, @MessageIdentifier String eventId) {
        caseFact(
                eventId,
                event,
                FactKind.INTERVIEW,
                event.kind().name(),
                kilometres(event.kilometres()),
                false,
                event.participants().contains(InterviewParticipant.CHILDREN)
                        && event.place() != InterviewPlace.BY_PHONE);
    }

    @EventHandler
    void on(HomeVisitMade event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.HOME_VISIT, "-", event.kilometres(), false, false);
    }

    @EventHandler
    void on(VisitMediated event, @MessageIdentifier String eventId) {
        caseFact(
                eventId,
                event,
                FactKind.VISIT,
                event.place().name(),
                kilometres(event.kilometres()),
                event.accompaniedBy() == Accompaniment.VOLUNTEER,
                false);
    }

    @EventHandler
    void on(NurseryAccompanimentMade event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.NURSERY, "-", event.kilometres(), false, false);
    }

    @EventHandler
    void on(ContactStepTaken event, @MessageIdentifier String eventId) {
        caseFact(
                eventId,
                event,
                FactKind.CONTACT_STEP,
                event.step().name(),
                kilometres(event.kilometres()),
                event.mediatedBy() == Accompaniment.VOLUNTEER,
                false);
    }

    @EventHandler
    void on(CaseReviewed event, @MessageIdentifier String eventId) {
        caseFact(eventId, event, FactKind.REVIEW, "-", kilometres(event.kilometres()), false, false);
    }

    /** Kilometres not recorded (an event stored before they were, a trip said to be none) add nothing. */
    private static int kilometres(Integer recorded) {
        return recorded == null ? 0 : recorded;
    }

    /** The corrected fact stops counting, whatever year it was counted in. */
    @EventHandler
    void on(EntryCorrected event) {
        reachYear(event.occurredAt());
        jdbc.query(
                """
                UPDATE report_fact SET voided = TRUE WHERE event_id = ? AND NOT voided
                RETURNING year, team, prison, kind, detail, by_volunteer, with_children, kilometres, participants""",
                rs -> {
                    jdbc.update(
                            TALLY_FACT,
                            rs.getInt("year"),
                            rs.getString("team"),
                            rs.getString("prison"),
                            rs.getString("kind"),
                            rs.getString("detail"),
                            rs.getBoolean("by_volunteer"),
                            rs.getBoolean("with_children"),
                            -1,
                            -rs.getLong("kilometres"),
                            -rs.getInt("participants"));
                },
                event.correctedEventId());
    }

    /** Any other event of a case still moves the horizon: its year has begun. */
    @EventHandler
    void on(CaseEvent event) {
        reachYear(event.occurredAt());
    }

    @EventHandler
    void on(CollectiveSessionHeld event, @MessageIdentifier String eventId) {
        collectiveFact(
                eventId,
                event.team().name(),
                event.prison().name(),
                event.kind().name(),
                event.occurredAt(),
                event.participants());
    }

    @EventHandler
    void on(TalkingGroupSessionHeld event, @MessageIdentifier String eventId) {
        collectiveFact(
                eventId,
                event.team().name(),
                event.prison().name(),
                TALKING_GROUP,
                event.occurredAt(),
                event.participants());
    }

    private static final String INSERT_CHILD = """
            INSERT INTO report_child (case_id, subject_id, birth_date, department, housing, added_year)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, subject_id) DO NOTHING""";

    private static final String TALLY_FAMILY = """
            INSERT INTO family_tally (year, team, referrer_type, measure, prison, bucket, families)
            SELECT ?, team, referrer_type, measure, prison, ?, ? FROM report_case WHERE case_id = ?
            ON CONFLICT (year, team, referrer_type, measure, prison, bucket)
            DO UPDATE SET families = family_tally.families + EXCLUDED.families""";

    private static final String TALLY_CHILD_PLACE = """
            INSERT INTO child_place_tally (year, team, department, housing, children) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (year, team, department, housing)
            DO UPDATE SET children = child_place_tally.children + EXCLUDED.children""";

    private static final String TALLY_CHILD_BAND = "INSERT INTO child_band_tally (year, team, band, children)"
            + " SELECT ?, ?, " + bandAtYearEnd("b.birth_date", "b.year") + ", ?"
            + " FROM (SELECT ?::date AS birth_date, ?::int AS year) b"
            + " ON CONFLICT (year, team, band) DO UPDATE SET children = child_band_tally.children + EXCLUDED.children";

    private static final String TALLY_FACT = """
            INSERT INTO fact_tally (year, team, prison, kind, detail, by_volunteer, with_children, facts, kilometres,
                participants)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (year, team, prison, kind, detail, by_volunteer, with_children) DO UPDATE SET
                facts = fact_tally.facts + EXCLUDED.facts, kilometres = fact_tally.kilometres + EXCLUDED.kilometres,
                participants = fact_tally.participants + EXCLUDED.participants""";

    /**
     * Moves the horizon to this instant's year if it is later, carrying every open period into each year passed;
     * returns the horizon. Locks the horizon row until the batch commits; until then no other transaction can move
     * it, so the horizon this one read or set is kept for its next events ({@code lockedHorizon}) and read again
     * only to move it.
     */
    private int reachYear(Instant occurredAt) {
        int year = year(occurredAt);
        Optional<AtomicInteger> locked = lockedHorizon.get();
        if (locked.isPresent() && locked.get().get() >= year) {
            return locked.get().get();
        }
        int horizon = lockAndReachYear(year);
        locked.ifPresent(known -> known.set(horizon));
        return horizon;
    }

    private int lockAndReachYear(int year) {
        List<Integer> seen =
                jdbc.queryForList("SELECT year FROM report_horizon WHERE id = 1 FOR UPDATE", Integer.class);
        if (seen.isEmpty()) {
            // A schema created from the tables' definitions alone (a rebuild's shadow copy) starts with no horizon.
            jdbc.update("INSERT INTO report_horizon (id, year) VALUES (1, 0) ON CONFLICT (id) DO NOTHING");
            seen = jdbc.queryForList("SELECT year FROM report_horizon WHERE id = 1 FOR UPDATE", Integer.class);
        }
        int horizon = seen.get(0);
        if (year <= horizon) {
            return horizon;
        }
        for (int next = horizon + 1; next <= year; next++) {
            carryOpenPeriodsInto(next);
        }
        jdbc.update("UPDATE report_horizon SET year = ? WHERE id = 1", year);
        return year;
    }

    /** Counts every family whose period is open in a year no row exists for yet, with its children. */
    private void carryOpenPeriodsInto(int year) {
        if (jdbc.update("INSERT INTO family_year (year, case_id, since, until, bucket) " + OPEN_FAMILIES, year, year)
                == 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO family_tally (year, team, referrer_type, measure, prison, bucket, families)
                SELECT f.year, c.team, c.referrer_type, c.measure, c.prison, f.bucket, count(*)
                FROM family_year f JOIN report_case c ON c.case_id = f.case_id WHERE f.year = ?
                GROUP BY 1, 2, 3, 4, 5, 6""", year);
        jdbc.update("""
                INSERT INTO child_age_tally (year, team, birth_date, children)
                SELECT f.year, c.team, ch.birth_date, count(*)
                FROM family_year f JOIN report_case c ON c.case_id = f.case_id
                JOIN report_child ch ON ch.case_id = f.case_id AND ch.added_year <= f.year
                WHERE f.year = ? GROUP BY 1, 2, 3""", year);
        jdbc.update("""
                INSERT INTO child_place_tally (year, team, department, housing, children)
                SELECT f.year, c.team, ch.department, ch.housing, count(*)
                FROM family_year f JOIN report_case c ON c.case_id = f.case_id
                JOIN report_child ch ON ch.case_id = f.case_id AND ch.added_year <= f.year
                WHERE f.year = ? GROUP BY 1, 2, 3, 4""", year);
        jdbc.update(
                "INSERT INTO child_band_tally (year, team, band, children)"
                        + " SELECT f.year, c.team, " + bandAtYearEnd("ch.birth_date", "f.year") + ", count(*)"
                        + " FROM family_year f JOIN report_case c ON c.case_id = f.case_id"
                        + " JOIN report_child ch ON ch.case_id = f.case_id AND ch.added_year <= f.year"
                        + " WHERE f.year = ? GROUP BY 1, 2, 3",
                year);
    }

    /**
     * The family counts in this year with the period from {@code since} to {@code until}: a new row counts the family
     * and its children; an existing one (an earlier period the same year) only changes its follow-up bucket.
     */
    private void countFamily(UUID caseId, int year, LocalDate since, LocalDate until) {
        List<String> previous = jdbc.queryForList(
                "SELECT bucket FROM family_year WHERE case_id = ? AND year = ?", String.class, caseId, year);
        String bucket = ActivityReports.bucket(since, until);
        if (previous.isEmpty()) {
            jdbc.update(
                    "INSERT INTO family_year (year, case_id, since, until, bucket) VALUES (?, ?, ?, ?, ?)",
                    year,
                    caseId,
                    Date.valueOf(since),
                    Date.valueOf(until),
                    bucket);
            tallyChildren(caseId, year, 1);
        } else {
            jdbc.update(
                    "UPDATE family_year SET since = ?, until = ?, bucket = ? WHERE case_id = ? AND year = ?",
                    Date.valueOf(since),
                    Date.valueOf(until),
                    bucket,
                    caseId,
                    year);
            jdbc.update(TALLY_FAMILY, year, previous.get(0), -1, caseId);
        }
        jdbc.update(TALLY_FAMILY, year, bucket, 1, caseId);
    }

    private void uncountFamily(UUID caseId, int year) {
        String bucket = jdbc.queryForObject(
                "DELETE FROM family_year WHERE case_id = ? AND year = ? RETURNING bucket", String.class, caseId, year);
        jdbc.update(TALLY_FAMILY, year, bucket, -1, caseId);
        tallyChildren(caseId, year, -1);
    }

    private void tallyChildren(UUID caseId, int year, int delta) {
        jdbc.update("""
                INSERT INTO child_age_tally (year, team, birth_date, children)
                SELECT ?, c.team, ch.birth_date, ? * count(*) FROM report_child ch
                JOIN report_case c ON c.case_id = ch.case_id WHERE ch.case_id = ? AND ch.added_year <= ?
                GROUP BY 2, 3
                ON CONFLICT (year, team, birth_date)
                DO UPDATE SET children = child_age_tally.children + EXCLUDED.children""", year, delta, caseId, year);
        jdbc.update("""
                INSERT INTO child_place_tally (year, team, department, housing, children)
                SELECT ?, c.team, ch.department, ch.housing, ? * count(*) FROM report_child ch
                JOIN report_case c ON c.case_id = ch.case_id WHERE ch.case_id = ? AND ch.added_year <= ?
                GROUP BY 2, 3, 4
                ON CONFLICT (year, team, department, housing)
                DO UPDATE SET children = child_place_tally.children + EXCLUDED.children""", year, delta, caseId, year);
        jdbc.update(
                "INSERT INTO child_band_tally (year, team, band, children)"
                        + " SELECT ?::int, c.team, " + bandAtYearEnd("ch.birth_date", "?::int") + ", ? * count(*)"
                        + " FROM report_child ch JOIN report_case c ON c.case_id = ch.case_id"
                        + " WHERE ch.case_id = ? AND ch.added_year <= ? GROUP BY 1, 2, 3"
                        + " ON CONFLICT (year, team, band) DO UPDATE SET children = child_band_tally.children"
                        + " + EXCLUDED.children",
                year,
                year,
                year,
                year,
                delta,
                caseId,
                year);
    }

    private void tallyChildAge(int year, String team, LocalDate birthDate, int delta) {
        jdbc.update("""
                INSERT INTO child_age_tally (year, team, birth_date, children) VALUES (?, ?, ?, ?)
                ON CONFLICT (year, team, birth_date)
                DO UPDATE SET children = child_age_tally.children + EXCLUDED.children""", year, team, Date.valueOf(birthDate), delta);
    }

    private Object[] child(CaseEvent event, ChildOnCase child) {
        return new Object[] {
            event.caseId().value(),
            child.subjectId().value(),
            Date.valueOf(child.birthDate()),
            department(child),
            child.housing().name(),
            year(event.occurredAt())
        };
    }

    private static String department(ChildOnCase child) {
        return child.department() == null ? "" : child.department().code();
    }

    /** A fact of a known case, counted with its case's team; one statement (a case's facts are most events). */
    private void caseFact(
            String eventId,
            CaseEvent event,
            FactKind kind,
            String detail,
            int kilometres,
            boolean byVolunteer,
            boolean withChildren) {
        reachYear(event.occurredAt());
        jdbc.update(
                COUNT_CASE_FACT,
                eventId,
                year(event.occurredAt()),
                kind.name(),
                detail,
                kilometres,
                byVolunteer,
                withChildren,
                event.caseId().value());
    }

    /** The fact recorded with its case's team (nothing for an unknown case) and, if it was new, tallied. */
    private static final String COUNT_CASE_FACT = """
            WITH counted AS (
                INSERT INTO report_fact (event_id, year, team, prison, kind, detail, kilometres, by_volunteer,
                    with_children, participants)
                SELECT ?, ?, team, '', ?, ?, ?, ?, ?, 0 FROM report_case WHERE case_id = ?
                ON CONFLICT (event_id) DO NOTHING
                RETURNING year, team, prison, kind, detail, by_volunteer, with_children, kilometres, participants)
            INSERT INTO fact_tally (year, team, prison, kind, detail, by_volunteer, with_children, facts, kilometres,
                participants)
            SELECT year, team, prison, kind, detail, by_volunteer, with_children, 1, kilometres, participants
            FROM counted
            ON CONFLICT (year, team, prison, kind, detail, by_volunteer, with_children) DO UPDATE SET
                facts = fact_tally.facts + EXCLUDED.facts, kilometres = fact_tally.kilometres + EXCLUDED.kilometres,
                participants = fact_tally.participants + EXCLUDED.participants""";

    /** A session and each parent it lists, the parents keyed by the session's event: redelivery adds nobody. */
    private void collectiveFact(
            String eventId,
            String team,
            String prison,
            String kind,
            Instant occurredAt,
            List<Participant> participants) {
        reachYear(occurredAt);
        int year = year(occurredAt);
        if (fact(eventId, year, team, prison, FactKind.COLLECTIVE.name(), kind, 0, false, false, participants.size())) {
            List<Object[]> rows = new ArrayList<>();
            participants.forEach(participant -> rows.add(new Object[] {
                eventId,
                participant.parent().value(),
                year,
                team,
                kind,
                participant.caseId() == null ? null : participant.caseId().value()
            }));
            jdbc.batchUpdate("""
                    INSERT INTO report_participation (event_id, parent_id, year, team, kind, case_id)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
        }
    }

    /** Records the fact and moves its tally; whether it was new. */
    private boolean fact(
            String eventId,
            int year,
            String team,
            String prison,
            String kind,
            String detail,
            int kilometres,
            boolean byVolunteer,
            boolean withChildren,
            int participants) {
        if (jdbc.update(
                        """
                INSERT INTO report_fact (event_id, year, team, prison, kind, detail, kilometres, by_volunteer,
                    with_children, participants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""",
                        eventId,
                        year,
                        team,
                        prison,
                        kind,
                        detail,
                        kilometres,
                        byVolunteer,
                        withChildren,
                        participants)
                == 1) {
            jdbc.update(
                    TALLY_FACT,
                    year,
                    team,
                    prison,
                    kind,
                    detail,
                    byVolunteer,
                    withChildren,
                    1,
                    kilometres,
                    participants);
            return true;
        }
        return false;
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private int year(Instant instant) {
        return date(instant).getYear();
    }
}
