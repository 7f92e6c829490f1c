package fr.rep.caseengine.query.prisonsuspension;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.SuspensionReason;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.access.ViewScope;
import fr.rep.caseengine.query.caseview.CaseLabels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * « Suspensions »: the prison-wide suspensions of visits, newest first, each with the scheduled visits it cancelled
 * on the cases within the reader's scope (the case list's: a team manager's team, the whole service without names
 * for the service manager), and the forms that suspend a prison's visits and lift a suspension (posted to the
 * command side's page) for those who may: a team manager in their team's prisons, the service manager in any. The list refreshes itself while open: the cancellations follow the suspension
 * by a moment.
 */
@Controller
class PrisonSuspensionsPage {

    private static final int SHOWN = 50;

    private final JdbcTemplate jdbc;
    private final CaseLabels labels;
    private final Clock clock;

    PrisonSuspensionsPage(JdbcTemplate jdbc, CaseLabels labels, Clock clock) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.clock = clock;
    }

    /** A visit a suspension cancelled, on a case of the reader's scope. */
    record CancelledVisit(UUID caseId, Instant plannedFor, Instant receivedAt) {}

    /**
     * @param lastDay the last day without visits (the suspension ends at the start of the next one)
     */
    record Suspension(
            UUID id,
            Prison prison,
            Instant startsAt,
            LocalDate firstDay,
            LocalDate lastDay,
            SuspensionReason reason,
            Instant recordedAt,
            Instant liftedAt,
            List<CancelledVisit> cancelled) {}

    @GetMapping("/suspensions")
    String suspensions(Caller caller, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<UUID, Suspension> suspensions = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM prison_suspension ORDER BY recorded_at DESC LIMIT " + SHOWN, rs -> {
            Instant starts = instant(rs, "starts_at");
            Instant ends = instant(rs, "ends_at");
            suspensions.put(
                    rs.getObject("suspension_id", UUID.class),
                    new Suspension(
                            rs.getObject("suspension_id", UUID.class),
                            Prison.valueOf(rs.getString("prison")),
                            starts,
                            LocalDate.ofInstant(starts, clock.getZone()),
                            LocalDate.ofInstant(ends.minusNanos(1), clock.getZone()),
                            SuspensionReason.valueOf(rs.getString("reason")),
                            instant(rs, "recorded_at"),
                            instant(rs, "lifted_at"),
                            new ArrayList<>()));
        });
        List<UUID> cases = new ArrayList<>();
        if (!suspensions.isEmpty()) {
            ViewScope scope = ViewScope.forList(caller);
            jdbc.query(
                    """
                    SELECT s.suspension_id, c.case_id, c.planned_for, v.received_at
                    FROM prison_suspension s
                    JOIN suspension_cancelled_visit c ON c.cancelled_on = s.occurred_at AND c.prison = s.prison
                        AND c.planned_for >= s.starts_at AND c.planned_for < s.ends_at
                    JOIN case_view v ON v.case_id = c.case_id
                    WHERE s.suspension_id = ANY (?) AND\s""" + scope.condition() + " ORDER BY c.planned_for",
                    rs -> {
                        UUID caseId = rs.getObject("case_id", UUID.class);
                        cases.add(caseId);
                        suspensions
                                .get(rs.getObject("suspension_id", UUID.class))
                                .cancelled()
                                .add(new CancelledVisit(
                                        caseId, instant(rs, "planned_for"), instant(rs, "received_at")));
                    },
                    scope.argumentsAfter((Object) suspensions.keySet().toArray(UUID[]::new)));
        }
        model.addAttribute("suspensions", List.copyOf(suspensions.values()));
        model.addAttribute("labels", labels.of(caller, cases, List.of()));
        model.addAttribute("mayOpen", caller.has(Role.TEAM_MANAGER));
        List<Prison> prisons = Arrays.stream(Prison.values())
                .filter(caller::maySuspendVisitsAt)
                .toList();
        model.addAttribute("maySuspend", !prisons.isEmpty());
        model.addAttribute("prisons", prisons);
        model.addAttribute("reasons", SuspensionReason.values());
        model.addAttribute("today", LocalDate.now(clock));
        return htmx != null ? "suspensions/page :: list" : "suspensions/page";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
