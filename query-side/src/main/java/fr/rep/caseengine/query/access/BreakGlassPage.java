package fr.rep.caseengine.query.access;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Break-glass accesses for auditors, with their justifications in full, as {@code GET /api/break-glass-accesses}. */
@Controller
class BreakGlassPage {

    private static final int PAGE_SIZE = 50;

    private final BreakGlassController grants;

    BreakGlassPage(BreakGlassController grants) {
        this.grants = grants;
    }

    @GetMapping("/acces-exceptionnels")
    String page(@RequestParam(required = false) UUID caseId, @RequestParam(defaultValue = "0") int page, Model model) {
        int number = Math.max(0, Math.min(page, 100_000));
        List<BreakGlassController.Grant> items = grants.accesses(caseId, number, PAGE_SIZE);
        model.addAttribute("grants", items);
        model.addAttribute("caseId", caseId);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", items.size() == PAGE_SIZE);
        return "audit/break-glass";
    }
}
