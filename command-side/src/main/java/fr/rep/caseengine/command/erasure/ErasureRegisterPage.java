package fr.rep.caseengine.command.erasure;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The erasure register and the retention runs for auditors, as {@code GET /api/erasures} lists them (the same
 * method): who erased whose data on which case, when and why, a page at a time; never a name.
 */
@Controller
class ErasureRegisterPage {

    private static final int PAGE_SIZE = 50;

    private final ErasureTrailController trail;

    ErasureRegisterPage(ErasureTrailController trail) {
        this.trail = trail;
    }

    @GetMapping("/effacements")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        int number = Math.max(0, Math.min(page, 100_000));
        ErasureTrailController.Trail register = trail.trail(null, number, PAGE_SIZE);
        model.addAttribute("register", register);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", register.erasures().size() == PAGE_SIZE);
        return "audit/erasures";
    }
}
