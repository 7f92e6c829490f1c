package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.VisitPlace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A case's page: the view of {@code GET /api/cases/{id}}, read by the same code with the same scope (a case outside
 * it is "not found", as in the API) and recorded in the access trail. {@code minVersion} waits for the caller's own
 * change, so the page shown after an action already holds it.
 */
@Controller
class CasePage {

    private final CaseViewController cases;
    private final Clock clock;

    CasePage(CaseViewController cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/dossiers/{caseId}")
    String page(@PathVariable UUID caseId, @RequestParam(required = false) Long minVersion, Caller caller,
                HttpServletRequest request, Model model) {
        CaseViewController.CaseDetail detail = cases.detail(caseId, minVersion == null || minVersion < 0
                ? null : minVersion, caller, request).getBody();
        Map<UUID, String> names = new HashMap<>();
        detail.adults().forEach(adult -> names.put(adult.subjectId(), adult.name()));
        model.addAttribute("detail", detail);
        // One key per form shown: a double click or a resend of the same form records the action once.
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("closingReasons", ClosingReason.values());
        model.addAttribute("prisons", Prison.values());
        model.addAttribute("visitPlaces", VisitPlace.values());
        model.addAttribute("accompaniments", Accompaniment.values());
        model.addAttribute("names", names);
        // The family is named after its detained parent, as in the lists.
        model.addAttribute("parent", detail.adults().stream()
                .filter(adult -> "DETAINED_PARENT".equals(adult.role())).findFirst().orElse(null));
        return "cases/case";
    }
}
