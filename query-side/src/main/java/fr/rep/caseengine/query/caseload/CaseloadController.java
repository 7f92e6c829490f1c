package fr.rep.caseengine.query.caseload;

import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.live.Lag;
import fr.rep.caseengine.query.live.LiveUpdates;
import fr.rep.caseengine.query.live.ProjectionLag;
import fr.rep.caseengine.query.live.View;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caseload dashboard, read from the pre-counted buckets: a few hundred rows whatever the number of cases.
 * Service managers see the whole service; team managers their team; caseworkers their team and the cases assigned
 * to them (the case list's scope, without a case in sight).
 */
@RestController
@Tag(name = "Dashboards")
class CaseloadController {

    /** Stages in which a request still waits for support to begin: evaluated, then set up until the first visit. */
    static final Set<CaseStage> WAITING = EnumSet.of(CaseStage.RECEPTION, CaseStage.SETTING_UP);

    private final JdbcTemplate jdbc;
    private final ProjectionLag lag;
    private final LiveUpdates live;
    private final Clock clock;

    CaseloadController(JdbcTemplate jdbc, ProjectionLag lag, LiveUpdates live, Clock clock) {
        this.jdbc = jdbc;
        this.lag = lag;
        this.live = live;
        this.clock = clock;
    }

    /**
     * How long the requests of a bucket in a waiting stage have waited since they were received.
     *
     * @param averageDays the mean, in days (one decimal)
     * @param longestDays the oldest request's wait, in days (one decimal)
     * @param oldestRequestAt when the oldest request was received
     */
    record Waiting(double averageDays, double longestDays, Instant oldestRequestAt) {}

    /** The cases of one team, prison, stage and caseworker ({@code null}: nobody assigned yet). */
    record Bucket(Team team, Prison prison, CaseStage stage, String caseworker, int cases, Waiting waiting) {}

    record Caseload(List<Bucket> buckets, int totalCases, Instant asOf, Lag lag) {}

    @GetMapping("/api/caseload")
    @Operation(
            summary = "Cases counted by team, prison, stage and caseworker, with the waiting time of requests "
                    + "not yet supported, and how far behind the event store the dashboard is")
    Caseload caseload(Caller caller, @RequestParam(required = false) Team team) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        conditions.add(scope(caller, arguments));
        if (team != null) {
            conditions.add("team = ?");
            arguments.add(team.name());
        }
        Instant now = clock.instant();
        List<Bucket> buckets = jdbc.query(
                """
                SELECT team, prison, stage, caseworker, cases, received_epoch_sum, oldest_received_at
                FROM caseload_bucket WHERE cases > 0 AND\s""" + String.join(" AND ", conditions) + " ORDER BY team, prison, stage, caseworker",
                (rs, row) -> {
                    CaseStage stage = CaseStage.valueOf(rs.getString("stage"));
                    int cases = rs.getInt("cases");
                    String caseworker = rs.getString("caseworker");
                    Waiting waiting = null;
                    if (WAITING.contains(stage)) {
                        BigDecimal sum = rs.getBigDecimal("received_epoch_sum");
                        double meanReceived = sum.doubleValue() / cases;
                        Instant oldest = rs.getObject("oldest_received_at", OffsetDateTime.class)
                                .toInstant();
                        waiting = new Waiting(
                                days(now.getEpochSecond() - meanReceived),
                                days(Duration.between(oldest, now).toSeconds()),
                                oldest);
                    }
                    return new Bucket(
                            Team.valueOf(rs.getString("team")),
                            Prison.valueOf(rs.getString("prison")),
                            stage,
                            caseworker.equals(CaseloadProjection.UNASSIGNED) ? null : caseworker,
                            cases,
                            waiting);
                },
                arguments.toArray());
        return new Caseload(buckets, buckets.stream().mapToInt(Bucket::cases).sum(), now, lag.of(View.CASELOAD));
    }

    @GetMapping(path = "/api/caseload/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Server-sent events: a 'change' message (teams and cases that moved, with the lag) each "
                    + "time the dashboard changed within the caller's scope; reload the dashboard on it")
    SseEmitter stream(Caller caller) {
        return live.subscribe(caller, View.CASELOAD);
    }

    private static String scope(Caller caller, List<Object> arguments) {
        if (caller.has(Role.SERVICE_MANAGER)) {
            return "TRUE";
        }
        List<String> conditions = new ArrayList<>();
        if ((caller.has(Role.TEAM_MANAGER) || caller.has(Role.CASEWORKER)) && caller.team() != null) {
            conditions.add("team = ?");
            arguments.add(caller.team().name());
        }
        if (caller.has(Role.CASEWORKER)) {
            conditions.add("caseworker = ?");
            arguments.add(caller.account());
        }
        return conditions.isEmpty() ? "FALSE" : "(" + String.join(" OR ", conditions) + ")";
    }

    private static double days(double seconds) {
        return Math.round(Math.max(0, seconds) / 8640.0) / 10.0;
    }
}
