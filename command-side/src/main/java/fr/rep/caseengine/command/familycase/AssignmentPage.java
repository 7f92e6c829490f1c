package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.access.CaseAccess;
import fr.rep.caseengine.command.access.Caseworkers;
import fr.rep.caseengine.command.pipeline.CommandDispatch;
import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.staff.Caller;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A team manager gives a case of their team to another caseworker from a caseworker's queue (« File d'un
 * intervenant »), through the code of {@code POST /api/cases/{id}/assignment}: an active caseworker account, the same
 * reach check in the command's transaction, the same idempotent dispatch (the form's key). Back to the queue the
 * manager came from, with what was done or the rule that refused it.
 */
@Controller
class AssignmentPage {

    private final CommandDispatch dispatch;
    private final CaseAccess access;
    private final Caseworkers caseworkers;
    private final Clock clock;

    AssignmentPage(CommandDispatch dispatch, CaseAccess access, Caseworkers caseworkers, Clock clock) {
        this.dispatch = dispatch;
        this.access = access;
        this.caseworkers = caseworkers;
        this.clock = clock;
    }

    @PostMapping("/equipe/attributions")
    String reassign(
            @RequestParam UUID caseId,
            @RequestParam(defaultValue = "") String caseworker,
            @RequestParam(name = "from", defaultValue = "") String from,
            @RequestParam(name = "idempotencyKey", required = false) String key,
            Caller caller,
            RedirectAttributes redirect) {
        String back = "redirect:"
                + UriComponentsBuilder.fromPath("/equipe")
                        .queryParamIfPresent(
                                "intervenant", java.util.Optional.of(from).filter(f -> !f.isBlank()))
                        .encode()
                        .build()
                        .toUriString();
        redirect.addFlashAttribute("assignedCase", caseId);
        if (!caseworkers.isActiveCaseworker(caseworker)) {
            redirect.addFlashAttribute("invalidCaseworker", true);
            return back;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("caseId", caseId.toString());
        typed.put("caseworker", caseworker);
        CommandRequest request = CommandRequest.ofForm(caller, key, null, "POST /equipe/attributions");
        try {
            dispatch.run(request, typed, () -> {
                access.requireCanAssign(caller, new CaseId(caseId));
                return dispatch.updated(request, new AssignCase(new CaseId(caseId), null, clock.instant(), caseworker));
            });
            redirect.addFlashAttribute("assignedTo", caseworker);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.rule().code());
        }
        return back;
    }
}
