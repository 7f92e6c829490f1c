package fr.rep.caseengine.query.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access trail for auditors, as {@code GET /api/accesses} lists it (the same method): of a case (from its history
 * page) or of an account, over a period, newest first, a page at a time.
 */
@Controller
class AccessTrailPage {

    static final int PAGE_SIZE = 50;

    private final AccessTrailController trail;
    private final Clock clock;

    AccessTrailPage(AccessTrailController trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * @param from first day ({@code yyyy-MM-dd}, the service's zone), inclusive
     * @param to   last day, inclusive
     */
    @GetMapping("/traces-acces")
    String page(
            @RequestParam(required = false) String account,
            @RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String who = account == null || account.isBlank() ? null : account.strip();
        Instant start = day(from, 0);
        Instant end = day(to, 1);
        int number = Math.max(0, Math.min(page, 100_000));
        AccessTrailController.AccessPage accesses = trail.accesses(who, caseId, start, end, number, PAGE_SIZE);
        model.addAttribute("accesses", accesses);
        model.addAttribute("account", who == null ? "" : who);
        model.addAttribute("caseId", caseId);
        model.addAttribute("from", start == null ? "" : from);
        model.addAttribute("to", end == null ? "" : to);
        model.addAttribute(
                "invalidDates",
                start == null && from != null && !from.isBlank() || end == null && to != null && !to.isBlank());
        model.addAttribute("hasNext", accesses.items().size() == PAGE_SIZE);
        return "audit/accesses";
    }

    private Instant day(String typed, int days) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip())
                    .plusDays(days)
                    .atStartOfDay(clock.getZone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
