package fr.rep.caseengine.query.caseload;

import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.live.Lag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * « Tableau de bord »: the caseload of {@code GET /api/caseload} as a page, read by the same code and so within the
 * same scope (a team manager's team, the whole service for the service manager). The page listens to the
 * dashboard's server-sent events and fetches its figures again (this address, asked by htmx) on each change; the
 * charts are drawn in the browser from the figures' tables, so that a chart never says what its table does not.
 */
@Controller
class CaseloadPage {

    private final CaseloadController caseload;

    CaseloadPage(CaseloadController caseload) {
        this.caseload = caseload;
    }

    /** A count of cases under a key: an enum constant's name, or a caseworker's account ({@code null}: nobody). */
    record Count(String key, int cases) {}

    /**
     * The requests not yet supported, all buckets of the waiting stages together.
     *
     * @param averageDays the mean wait of those requests, weighted by each bucket's cases
     */
    record Waiting(int requests, double averageDays, double longestDays, Instant oldestRequestAt) {}

    record Dashboard(
            int totalCases,
            List<Count> byStage,
            List<Count> byPrison,
            List<Count> byCaseworker,
            List<Count> byTeam,
            Waiting waiting,
            Lag lag,
            Instant asOf) {}

    @GetMapping("/tableau-de-bord")
    String dashboard(Caller caller, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("dashboard", of(caseload.caseload(caller, null)));
        model.addAttribute("wholeService", caller.has(Role.SERVICE_MANAGER));
        model.addAttribute("teamManager", caller.has(Role.TEAM_MANAGER));
        return htmx != null ? "caseload/dashboard :: figures" : "caseload/dashboard";
    }

    static Dashboard of(CaseloadController.Caseload view) {
        Map<CaseStage, Integer> stages = new EnumMap<>(CaseStage.class);
        for (CaseStage stage : CaseStage.values()) {
            stages.put(stage, 0);
        }
        Map<Prison, Integer> prisons = new EnumMap<>(Prison.class);
        Map<Team, Integer> teams = new EnumMap<>(Team.class);
        // Nobody assigned (null) comes last, after the caseworkers in alphabetical order.
        Map<String, Integer> caseworkers = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        int waitingRequests = 0;
        double waitedDays = 0;
        double longest = 0;
        Instant oldest = null;
        for (CaseloadController.Bucket bucket : view.buckets()) {
            stages.merge(bucket.stage(), bucket.cases(), Integer::sum);
            prisons.merge(bucket.prison(), bucket.cases(), Integer::sum);
            teams.merge(bucket.team(), bucket.cases(), Integer::sum);
            caseworkers.merge(bucket.caseworker(), bucket.cases(), Integer::sum);
            CaseloadController.Waiting waiting = bucket.waiting();
            if (waiting != null) {
                waitingRequests += bucket.cases();
                waitedDays += waiting.averageDays() * bucket.cases();
                longest = Math.max(longest, waiting.longestDays());
                oldest = oldest == null || waiting.oldestRequestAt().isBefore(oldest)
                        ? waiting.oldestRequestAt()
                        : oldest;
            }
        }
        return new Dashboard(
                view.totalCases(),
                counts(stages),
                counts(prisons),
                counts(caseworkers),
                counts(teams),
                new Waiting(
                        waitingRequests,
                        waitingRequests == 0 ? 0 : Math.round(waitedDays / waitingRequests * 10) / 10.0,
                        longest,
                        oldest),
                view.lag(),
                view.asOf());
    }

    private static List<Count> counts(Map<?, Integer> counts) {
        List<Count> list = new ArrayList<>();
        counts.forEach((key, cases) ->
                list.add(new Count(key instanceof Enum<?> constant ? constant.name() : (String) key, cases)));
        return list;
    }
}
