package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ContactStep;
import fr.rep.caseengine.events.familycase.CorrectionReason;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitingRights;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.history.HistoryEntries;
import fr.rep.caseengine.query.history.HistorySentences;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A case's page: the view of {@code GET /api/cases/{id}}, read by the same code with the same scope (a case outside
 * it is "not found", as in the API) and recorded in the access trail. {@code minVersion} waits for the caller's own
 * change, so the page shown after an action already holds it.
 */
@Controller
class CasePage {

    private final CaseViewController cases;
    private final HistoryEntries entries;
    private final HistorySentences sentences;
    private final Clock clock;

    CasePage(CaseViewController cases, HistoryEntries entries, HistorySentences sentences, Clock clock) {
        this.cases = cases;
        this.entries = entries;
        this.sentences = sentences;
        this.clock = clock;
    }

    @GetMapping("/dossiers/{caseId}")
    String page(
            @PathVariable UUID caseId,
            @RequestParam(required = false) Long minVersion,
            Caller caller,
            HttpServletRequest request,
            Model model) {
        CaseViewController.CaseDetail detail = cases.detail(
                        caseId, minVersion == null || minVersion < 0 ? null : minVersion, caller, request)
                .getBody();
        Map<UUID, String> names = new HashMap<>();
        detail.adults().forEach(adult -> names.put(adult.subjectId(), adult.name()));
        detail.children().forEach(child -> names.put(child.subjectId(), child.name()));
        model.addAttribute("detail", detail);
        // One key per form shown: a double click or a resend of the same form records the action once.
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("closingReasons", ClosingReason.values());
        model.addAttribute("prisons", Prison.values());
        model.addAttribute("visitPlaces", VisitPlace.values());
        model.addAttribute("accompaniments", Accompaniment.values());
        model.addAttribute("declineReasons", DeclineReason.values());
        model.addAttribute("interviewKinds", InterviewKind.values());
        model.addAttribute("interviewParticipants", InterviewParticipant.values());
        model.addAttribute("interviewPlaces", InterviewPlace.values());
        model.addAttribute("contactSteps", ContactStep.values());
        model.addAttribute("cancellationReasons", VisitCancellationReason.values());
        model.addAttribute("custodyChanges", CustodyChange.values());
        model.addAttribute("courts", Court.values());
        model.addAttribute("visitingRights", VisitingRights.values());
        model.addAttribute("correctionReasons", CorrectionReason.values());
        model.addAttribute("housings", HousingType.values());
        model.addAttribute(
                "authorityHolders",
                detail.adults().stream()
                        .filter(adult -> !adult.erased()
                                && PartyRole.valueOf(adult.role()).holdsParentalAuthority())
                        .toList());
        // Asked only now: the detail above checked the caller's scope (unknown case otherwise).
        model.addAttribute("standingEntries", entries.standing(caseId));
        // Who may act on the case as the API lets them: caseworkers record, team managers of its team assign.
        model.addAttribute("mayAct", caller.has(Role.CASEWORKER));
        model.addAttribute("mayAssign", caller.has(Role.TEAM_MANAGER) && caller.isIn(detail.team()));
        if (model.getAttribute("conflictSince") instanceof Long since) {
            model.addAttribute("changes", changesSince(caseId, since));
        }
        model.addAttribute("names", names);
        // The family is named after its detained parent, as in the lists.
        model.addAttribute(
                "parent",
                detail.adults().stream()
                        .filter(adult -> "DETAINED_PARENT".equals(adult.role()))
                        .findFirst()
                        .orElse(null));
        return "cases/case";
    }

    /** What others recorded after the version a refused form carried, told as the history tells it. */
    private List<String> changesSince(UUID caseId, long version) {
        Map<String, String> told = sentences.sentences(caseId);
        return entries.since(caseId, version).stream()
                .map(entry -> told.get(entry.eventId()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
