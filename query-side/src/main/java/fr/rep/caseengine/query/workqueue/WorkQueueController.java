package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.DeadlineKind;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.live.Lag;
import fr.rep.caseengine.query.live.LiveUpdates;
import fr.rep.caseengine.query.live.ProjectionLag;
import fr.rep.caseengine.query.live.View;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A caseworker's work queue, in four sections. "Today", "this week" (Monday to Sunday) and "overdue" are decided
 * here from the clock, in the service's time zone, not when the events were projected. A caseworker sees their own
 * queue: the cases assigned to them and their team's cases nobody is assigned to yet; a team manager sees the queue
 * of their whole team, or of one caseworker of it with {@code ?caseworker=}.
 */
@RestController
@Tag(name = "Dashboards")
class WorkQueueController {

    private static final int SECTION_LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final ProjectionLag lag;
    private final LiveUpdates live;
    private final Clock clock;
    private final WorkQueueSettings settings;

    WorkQueueController(
            JdbcTemplate jdbc, ProjectionLag lag, LiveUpdates live, Clock clock, WorkQueueSettings settings) {
        this.jdbc = jdbc;
        this.lag = lag;
        this.live = live;
        this.clock = clock;
        this.settings = settings;
    }

    record Assignment(UUID caseId, Team team, String caseworker, Instant assignedAt) {}

    /**
     * @param accompanier        the account whose permit ends, or {@code null}
     * @param accompanierSubject the person without an account whose permit ends, or {@code null} (both are
     *                           {@code null} for an accompanier recorded by name before names left the events)
     */
    record Deadline(
            UUID caseId,
            Team team,
            String caseworker,
            DeadlineKind kind,
            UUID child,
            UUID party,
            String accompanier,
            UUID accompanierSubject,
            LocalDate dueOn,
            Instant raisedAt) {}

    /**
     * @param accompanier        the account accompanying, or {@code null}
     * @param accompanierSubject the person without an account accompanying, or {@code null}
     */
    record Visit(
            UUID visitId,
            UUID caseId,
            Team team,
            String caseworker,
            Instant plannedFor,
            String place,
            String accompanier,
            UUID accompanierSubject) {}

    /**
     * @param recentlyAssigned  cases assigned in the last days (rep.work-queue.recently-assigned), newest first
     * @param upcomingDeadlines deadline warnings not yet due, soonest first
     * @param overdueFollowUps  deadlines already past and cases without any entry for too long, oldest first
     * @param visitsThisWeek    visits planned this week (Monday to Sunday), neither held nor cancelled
     */
    record WorkQueue(
            LocalDate today,
            List<Assignment> recentlyAssigned,
            List<Deadline> upcomingDeadlines,
            List<Deadline> overdueFollowUps,
            List<Visit> visitsThisWeek,
            Lag lag) {}

    @GetMapping("/api/work-queue")
    @Operation(
            summary =
                    "The caller's work queue (a team manager's: their team's, or one caseworker's with "
                            + "?caseworker=): recently assigned cases, upcoming deadlines, overdue follow-ups, this week's visits")
    WorkQueue workQueue(Caller caller, @RequestParam(required = false) String caseworker) {
        List<Object> arguments = new ArrayList<>();
        String scope = scope(caller, caseworker, arguments);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Timestamp weekStart =
                Timestamp.from(monday.atStartOfDay(clock.getZone()).toInstant());
        Timestamp weekEnd =
                Timestamp.from(monday.plusWeeks(1).atStartOfDay(clock.getZone()).toInstant());

        List<Assignment> assigned = jdbc.query(
                """
                SELECT case_id, team, caseworker, assigned_at FROM work_queue_case
                WHERE open AND assigned_at >= ? AND\s""" + scope + " ORDER BY assigned_at DESC LIMIT " + SECTION_LIMIT,
                (rs, row) -> new Assignment(
                        rs.getObject(1, UUID.class), Team.valueOf(rs.getString(2)), rs.getString(3), instant(rs, 4)),
                after(arguments, Timestamp.from(now.minus(settings.recentlyAssigned()))));
        List<Deadline> upcoming = jdbc.query(
                "SELECT * FROM work_queue_deadline WHERE kind <> ? AND due_on >= ? AND " + scope
                        + " ORDER BY due_on, raised_at LIMIT " + SECTION_LIMIT,
                WorkQueueController::deadline,
                after(arguments, DeadlineKind.NO_RECENT_ACTIVITY.name(), java.sql.Date.valueOf(today)));
        List<Deadline> overdue = jdbc.query(
                "SELECT * FROM work_queue_deadline WHERE (kind = ? OR due_on < ?) AND " + scope
                        + " ORDER BY due_on, raised_at LIMIT " + SECTION_LIMIT,
                WorkQueueController::deadline,
                after(arguments, DeadlineKind.NO_RECENT_ACTIVITY.name(), java.sql.Date.valueOf(today)));
        List<Visit> visits = jdbc.query(
                """
                SELECT visit_id, case_id, team, caseworker, planned_for, place, accompanier FROM work_queue_visit
                WHERE planned_for >= ? AND planned_for < ? AND\s""" + scope + " ORDER BY planned_for LIMIT " + SECTION_LIMIT,
                (rs, row) -> {
                    Accompanier accompanier = accompanier(rs.getString(7));
                    return new Visit(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            Team.valueOf(rs.getString(3)),
                            rs.getString(4),
                            instant(rs, 5),
                            rs.getString(6),
                            accompanier == null ? null : accompanier.account(),
                            subject(accompanier));
                },
                after(arguments, weekStart, weekEnd));
        return new WorkQueue(today, assigned, upcoming, overdue, visits, lag.of(View.WORK_QUEUE));
    }

    @GetMapping(path = "/api/work-queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Server-sent events: a 'change' message (the cases whose items changed, with the lag) "
                    + "each time the work queue changed within the caller's scope; reload the queue on it")
    SseEmitter stream(Caller caller) {
        return live.subscribe(caller, View.WORK_QUEUE);
    }

    /** The rows of the queue asked for, as a condition on {@code team} and {@code caseworker}. */
    private static String scope(Caller caller, String caseworker, List<Object> arguments) {
        if (caller.has(Role.TEAM_MANAGER) && caller.team() != null) {
            arguments.add(caller.team().name());
            if (caseworker == null) {
                return "team = ?";
            }
            arguments.add(caseworker);
            return "team = ? AND caseworker = ?";
        }
        if (caller.has(Role.CASEWORKER)) {
            if (caseworker != null && !caseworker.equals(caller.account())) {
                throw new ResponseStatusException(
                        HttpStatus.FORBIDDEN,
                        "A caseworker sees their own work queue only: leave out caseworker or name yourself");
            }
            arguments.add(caller.account());
            if (caller.team() == null) {
                return "caseworker = ?";
            }
            arguments.add(caller.team().name());
            return "(caseworker = ? OR (caseworker IS NULL AND team = ?))";
        }
        return "FALSE";
    }

    private static Object[] after(List<Object> scopeArguments, Object... first) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(scopeArguments);
        return all.toArray();
    }

    private static Deadline deadline(ResultSet rs, int row) throws SQLException {
        Accompanier accompanier = accompanier(rs.getString("accompanier"));
        return new Deadline(
                rs.getObject("case_id", UUID.class),
                Team.valueOf(rs.getString("team")),
                rs.getString("caseworker"),
                DeadlineKind.valueOf(rs.getString("kind")),
                rs.getObject("child", UUID.class),
                rs.getObject("party", UUID.class),
                accompanier == null ? null : accompanier.account(),
                subject(accompanier),
                rs.getObject("due_on", LocalDate.class),
                instant(rs, "raised_at"));
    }

    private static Accompanier accompanier(String stored) {
        return stored == null ? null : Accompanier.of(stored);
    }

    private static UUID subject(Accompanier accompanier) {
        return accompanier == null || accompanier.person() == null
                ? null
                : accompanier.person().value();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
