package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.access.CaseAccess;
import fr.rep.caseengine.command.access.CaseOutOfReach;
import fr.rep.caseengine.command.pipeline.CommandDispatch;
import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.ErasureReason;
import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators erase a person's personal data on the data protection officer's instruction, from the case and person
 * identifiers the officer gives: a form, then a confirmation that says what will be lost and what stays, then the same
 * command as {@code POST /api/cases/{id}/erasures} (same reach check, same rules said in French, one erasure per form
 * however often it is sent). Administrators see no case data: the page names no one.
 */
@Controller
class ErasurePages {

    private static final String FORM = "admin/erasure";
    /** Erasures at the end of the retention period are the retention policy's own. */
    private static final List<ErasureReason> REASONS =
            List.of(ErasureReason.REQUEST_OF_THE_PERSON, ErasureReason.ORDER_OF_AN_AUTHORITY);

    private final CommandDispatch dispatch;
    private final CaseAccess access;

    ErasurePages(CommandDispatch dispatch, CaseAccess access) {
        this.dispatch = dispatch;
        this.access = access;
    }

    @GetMapping("/administration/effacement")
    String form(Model model) {
        return form(model, Map.of(), Map.of(), null);
    }

    /** Checks what was typed and that the case exists, then asks for confirmation; nothing is erased yet. */
    @PostMapping("/administration/effacement/confirmation")
    String confirm(@RequestParam Map<String, String> form, Caller caller, Model model, HttpServletResponse response) {
        Map<String, String> errors = errors(form);
        if (errors.isEmpty()) {
            try {
                access.requireCanErase(
                        caller, new CaseId(UUID.fromString(form.get("caseId").strip())));
            } catch (CaseOutOfReach unknown) {
                errors.put("caseId", "erasure.error.unknownCase");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, errors, form, null);
        }
        model.addAttribute("caseId", form.get("caseId").strip());
        model.addAttribute("subject", form.get("subject").strip());
        model.addAttribute("reason", ErasureReason.valueOf(form.get("reason")));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "admin/erasure-confirmation";
    }

    @PostMapping("/administration/effacement")
    String erase(@RequestParam Map<String, String> form, Caller caller, Model model, HttpServletResponse response) {
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, errors, form, null);
        }
        CaseId caseId = new CaseId(UUID.fromString(form.get("caseId").strip()));
        RequestBodies.Erasure body = new RequestBodies.Erasure(
                new SubjectId(UUID.fromString(form.get("subject").strip())), ErasureReason.valueOf(form.get("reason")));
        CommandRequest request =
                CommandRequest.ofForm(caller, form.get("idempotencyKey"), null, "POST /administration/effacement");
        try {
            dispatch.run(request, body, () -> {
                access.requireCanErase(caller, caseId);
                return dispatch.updated(request, new ErasePerson(caseId, null, body.subject(), body.reason()));
            });
        } catch (CaseOutOfReach unknown) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, Map.of("caseId", "erasure.error.unknownCase"), form, null);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, Map.of(), form, refused.rule().code());
        }
        model.addAttribute("reason", body.reason());
        return "admin/erasure-done";
    }

    private static Map<String, String> errors(Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!isUuid(form.get("caseId"))) {
            errors.put("caseId", "erasure.error.caseId");
        }
        if (!isUuid(form.get("subject"))) {
            errors.put("subject", "erasure.error.subject");
        }
        if (REASONS.stream().noneMatch(reason -> reason.name().equals(form.get("reason")))) {
            errors.put("reason", "erasure.error.reason");
        }
        return errors;
    }

    private static boolean isUuid(String typed) {
        if (typed == null) {
            return false;
        }
        try {
            UUID.fromString(typed.strip());
            return typed.strip().length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String form(Model model, Map<String, String> errors, Map<String, String> typed, String refusal) {
        Map<String, String> kept = new LinkedHashMap<>(typed);
        kept.remove("_csrf");
        model.addAttribute("errors", errors);
        model.addAttribute("typed", kept);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("refusal", refusal);
        return FORM;
    }
}
