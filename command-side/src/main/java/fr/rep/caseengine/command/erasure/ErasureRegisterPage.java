package fr.rep.caseengine.command.erasure;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The erasure register and the retention runs for auditors, as {@code GET /api/erasures} lists them (the same
 * method): who erased whose data on which case, when and why, and each run of the retention policy, each list a page at a
 * time; never a name.
 */
@Controller
class ErasureRegisterPage {

    private static final int PAGE_SIZE = 50;
    /** The policy runs once a day: twenty runs are about three weeks. */
    private static final int RUNS_PAGE_SIZE = 20;

    private final ErasureTrailController trail;

    ErasureRegisterPage(ErasureTrailController trail) {
        this.trail = trail;
    }

    /** Each list has its own page number, kept when the other list turns a page. */
    @GetMapping("/effacements")
    String page(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int runsPage, Model model) {
        int number = Math.max(0, Math.min(page, 100_000));
        int runsNumber = Math.max(0, Math.min(runsPage, 100_000));
        ErasureTrailController.Trail register = trail.trail(null, number, PAGE_SIZE, runsNumber, RUNS_PAGE_SIZE);
        model.addAttribute("register", register);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", register.erasures().size() == PAGE_SIZE);
        model.addAttribute("runsPage", runsNumber);
        model.addAttribute("hasNextRuns", register.retentionRuns().size() == RUNS_PAGE_SIZE);
        return "audit/erasures";
    }
}
