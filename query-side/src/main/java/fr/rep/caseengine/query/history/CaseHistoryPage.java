package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * A case's history as a French timeline: the entries of {@code GET /api/cases/{id}/history}, read by the same code
 * (same scope, recorded in the access trail). The case page loads it with htmx; without JavaScript it is a page.
 */
@Controller
class CaseHistoryPage {

    private final CaseHistoryController histories;
    private final HistorySentences sentences;

    CaseHistoryPage(CaseHistoryController histories, HistorySentences sentences) {
        this.histories = histories;
        this.sentences = sentences;
    }

    @GetMapping("/dossiers/{caseId}/historique")
    String history(@PathVariable UUID caseId, @RequestParam(required = false) Long minVersion, Caller caller,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
                   Model model) {
        CaseHistoryController.History history = histories.history(caseId,
                minVersion == null || minVersion < 0 ? null : minVersion, null, null, null, null, caller, request);
        model.addAttribute("history", history);
        // Asked only now: the history query above checked the caller's scope (unknown case otherwise).
        model.addAttribute("sentences", sentences.sentences(caseId));
        return htmx != null ? "cases/history :: timeline" : "cases/history";
    }
}
