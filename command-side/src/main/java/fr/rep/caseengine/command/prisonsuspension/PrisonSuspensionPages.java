package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.command.pipeline.IdempotencyKeyReused;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.SuspensionReason;
import fr.rep.caseengine.events.staff.Caller;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The « Suspensions » page's forms, sent through {@link PrisonSuspensionController}'s own methods: the same request
 * records checked by the same bean validation, the same commands and rules. A suspension runs from the first day's
 * start to the end of the last day typed, in the service's time zone. Back to the page with what was done, or with
 * what was typed and the field or rule that stopped it.
 */
@Controller
class PrisonSuspensionPages {

    private final PrisonSuspensionController suspensions;
    private final Validator validator;
    private final Clock clock;

    PrisonSuspensionPages(PrisonSuspensionController suspensions, Validator validator, Clock clock) {
        this.suspensions = suspensions;
        this.validator = validator;
        this.clock = clock;
    }

    @PostMapping("/suspensions")
    String suspend(@RequestParam Map<String, String> form, Caller caller, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        try {
            PrisonSuspensionController.Suspension body = new PrisonSuspensionController.Suspension(
                    OffsetDateTime.now(clock),
                    value(Prison.class, form, "prison"),
                    startOf(day(form, "firstDay")),
                    startOf(day(form, "lastDay").plusDays(1)),
                    value(SuspensionReason.class, form, "reason"));
            Set<ConstraintViolation<PrisonSuspensionController.Suspension>> invalid = validator.validate(body);
            if (!invalid.isEmpty()) {
                String field = invalid.iterator().next().getPropertyPath().toString();
                throw new InvalidField(field.equals("from") ? "firstDay" : field.equals("until") ? "lastDay" : field);
            }
            suspensions.suspend(
                    CommandRequest.ofForm(caller, form.get("idempotencyKey"), null, "POST /suspensions"), body, typed);
            redirect.addFlashAttribute("done", "suspension");
            return "redirect:/suspensions";
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.rule().code());
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("invalidField", invalid.getMessage());
        } catch (IdempotencyKeyReused reused) {
            // The form was recorded, then changed and sent again: a new key lets it be sent as a new suspension.
            typed.remove("idempotencyKey");
            redirect.addFlashAttribute("keyReused", true);
        }
        redirect.addFlashAttribute("typed", typed);
        return "redirect:/suspensions#suspendre";
    }

    @PostMapping("/suspensions/{suspensionId}/levee")
    String lift(
            @PathVariable UUID suspensionId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        try {
            // The fingerprint is the path alone: the same lifting sent twice acts once, whenever the second comes.
            suspensions.lift(
                    CommandRequest.ofForm(
                            caller, form.get("idempotencyKey"), null, "POST /suspensions/" + suspensionId + "/levee"),
                    suspensionId,
                    new PrisonSuspensionController.Lifting(OffsetDateTime.now(clock)),
                    Map.of());
            redirect.addFlashAttribute("done", "levee");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.rule().code());
        } catch (AggregateNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/suspensions";
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    private static LocalDate day(Map<String, String> form, String field) {
        try {
            return LocalDate.parse(form.getOrDefault(field, ""));
        } catch (DateTimeParseException e) {
            throw new InvalidField(field);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, Map<String, String> form, String field) {
        try {
            return Enum.valueOf(type, form.getOrDefault(field, ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field);
        }
    }

    /** A field of the form that is missing, malformed or outside the API's rules; its name is the message. */
    private static final class InvalidField extends RuntimeException {
        InvalidField(String field) {
            super(field, null, false, false);
        }
    }
}
