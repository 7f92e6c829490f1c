package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.caseview.CaseLabels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * « File d'un intervenant »: a team manager chooses a caseworker of their team and sees that caseworker's work queue,
 * read by the code of {@code GET /api/work-queue?caseworker=} (same scope: the manager's team), with a form on each of
 * its cases to give the case to another caseworker (the assignment command, posted to the command side's page).
 */
@Controller
class TeamQueuePage {

    private final WorkQueueController queues;
    private final CaseLabels labels;
    private final TeamCaseworkers team;

    TeamQueuePage(WorkQueueController queues, CaseLabels labels, TeamCaseworkers team) {
        this.queues = queues;
        this.labels = labels;
        this.team = team;
    }

    @GetMapping("/equipe")
    String teamQueue(
            Caller caller, @RequestParam(name = "intervenant", required = false) String caseworker, Model model) {
        if (!caller.has(Role.TEAM_MANAGER) || caller.team() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<String> caseworkers = team.activeCaseworkersOf(caller.team());
        String chosen = caseworker == null || caseworker.isBlank() ? null : caseworker;
        model.addAttribute("caseworkers", caseworkers);
        model.addAttribute("caseworker", chosen);
        if (chosen == null) {
            return "workqueue/team";
        }
        WorkQueueController.WorkQueue queue = queues.workQueue(caller, chosen);
        Set<UUID> cases = new LinkedHashSet<>();
        Stream.of(
                        queue.recentlyAssigned().stream().map(WorkQueueController.Assignment::caseId),
                        queue.visitsThisWeek().stream().map(WorkQueueController.Visit::caseId),
                        queue.upcomingDeadlines().stream().map(WorkQueueController.Deadline::caseId),
                        queue.overdueFollowUps().stream().map(WorkQueueController.Deadline::caseId))
                .flatMap(s -> s)
                .forEach(cases::add);
        List<UUID> people = new ArrayList<>();
        Stream.concat(queue.upcomingDeadlines().stream(), queue.overdueFollowUps().stream())
                .forEach(deadline -> {
                    people.add(deadline.child());
                    people.add(deadline.party());
                });
        model.addAttribute("queue", queue);
        model.addAttribute("queueCases", List.copyOf(cases));
        model.addAttribute("labels", labels.of(caller, cases, people));
        model.addAttribute(
                "others",
                caseworkers.stream().filter(other -> !other.equals(chosen)).toList());
        return "workqueue/team";
    }
}
