package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.access.ViewScope;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Dossiers »: the case list of {@code GET /api/cases} as a page, read by the same code, filtered by stage, prison,
 * caseworker and a last name (accent- and case-insensitive, as in the API), paged. Each row names the family and links to its case for those who may open it.
 */
@Controller
class CaseListPage {

    static final int PAGE_SIZE = 20;

    private final CaseViewController cases;
    private final CaseLabels labels;
    private final JdbcTemplate jdbc;

    CaseListPage(CaseViewController cases, CaseLabels labels, JdbcTemplate jdbc) {
        this.cases = cases;
        this.labels = labels;
        this.jdbc = jdbc;
    }

    @GetMapping("/dossiers")
    String list(
            Caller caller,
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) Prison prison,
            @RequestParam(required = false) String caseworker,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        int pageNumber = Math.max(1, Math.min(page, 100_000));
        String chosenCaseworker = caseworker == null || caseworker.isBlank() ? null : caseworker;
        String typedName = name == null || name.isBlank() ? null : name.strip();
        // The API's own input rules, said beside the field instead of a problem answer; no search on a bad name.
        boolean nameInvalid =
                typedName != null && (typedName.length() > 100 || !typedName.matches(CaseViewController.HAS_A_LETTER));
        CaseViewController.CasePage found = nameInvalid
                ? new CaseViewController.CasePage(List.of(), pageNumber - 1, PAGE_SIZE, 0)
                : cases.list(caller, null, prison, stage, chosenCaseworker, typedName, pageNumber - 1, PAGE_SIZE);
        model.addAttribute("cases", found);
        model.addAttribute(
                "labels",
                labels.of(
                        caller,
                        found.items().stream()
                                .map(CaseViewController.CaseSummary::caseId)
                                .toList(),
                        List.of()));
        model.addAttribute(
                "mayOpen", caller.has(Role.CASEWORKER) || caller.has(Role.TEAM_MANAGER) || caller.has(Role.AUDITOR));
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("pageCount", Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("prisons", Prison.values());
        model.addAttribute("caseworkers", caseworkers(caller));
        model.addAttribute("stage", stage);
        model.addAttribute("prison", prison);
        model.addAttribute("caseworker", chosenCaseworker);
        model.addAttribute("name", typedName);
        model.addAttribute("nameInvalid", nameInvalid);
        return "cases/list";
    }

    /** The caseworkers to whom cases of the list are assigned, for the filter. */
    private List<String> caseworkers(Caller caller) {
        ViewScope scope = ViewScope.forList(caller);
        return jdbc.queryForList(
                "SELECT DISTINCT assigned_to FROM case_view v WHERE assigned_to IS NOT NULL AND " + scope.condition()
                        + " ORDER BY assigned_to",
                String.class,
                scope.arguments().toArray());
    }
}
