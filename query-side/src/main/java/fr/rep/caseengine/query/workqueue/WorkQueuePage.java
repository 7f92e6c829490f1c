package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.caseview.CaseLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * « Mon travail »: the work queue of {@code GET /api/work-queue} as a page, read by the same code. The page listens
 * to the queue's server-sent events and fetches its sections again (this address, asked by htmx) on each change.
 */
@Controller
class WorkQueuePage {

    private final WorkQueueController queues;
    private final CaseLabels labels;

    WorkQueuePage(WorkQueueController queues, CaseLabels labels) {
        this.queues = queues;
        this.labels = labels;
    }

    @GetMapping("/mon-travail")
    String workQueue(Caller caller, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        WorkQueueController.WorkQueue queue = queues.workQueue(caller, null);
        List<UUID> cases = Stream.of(
                        queue.recentlyAssigned().stream().map(WorkQueueController.Assignment::caseId),
                        queue.upcomingDeadlines().stream().map(WorkQueueController.Deadline::caseId),
                        queue.overdueFollowUps().stream().map(WorkQueueController.Deadline::caseId),
                        queue.visitsThisWeek().stream().map(WorkQueueController.Visit::caseId))
                .flatMap(s -> s)
                .toList();
        List<UUID> people = new ArrayList<>();
        Stream.concat(queue.upcomingDeadlines().stream(), queue.overdueFollowUps().stream())
                .forEach(deadline -> {
                    people.add(deadline.child());
                    people.add(deadline.party());
                });
        model.addAttribute("queue", queue);
        model.addAttribute("labels", labels.of(caller, cases, people));
        return htmx != null ? "workqueue/page :: sections" : "workqueue/page";
    }
}
