package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.access.CaseAccess;
import fr.rep.caseengine.command.access.Caseworkers;
import fr.rep.caseengine.command.idempotency.CommandDispatch;
import fr.rep.caseengine.command.idempotency.CommandRequest;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.staff.Caller;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The case page's action forms, sent through the same command code as the API: the same command records, the same
 * idempotent dispatch (the form's key), the version the page showed as {@code If-Match}, the same reach check. After
 * the action the browser is sent back to the case page at the new version ({@code minVersion}); a refused rule, a
 * version conflict or a bad field goes back to the page with what was typed, to be said in French beside the form.
 */
@Controller
class CaseActionPages {

    private final CommandDispatch dispatch;
    private final CaseAccess access;
    private final Clock clock;
    private final Caseworkers staff;

    CaseActionPages(CommandDispatch dispatch, CaseAccess access, Clock clock, Caseworkers staff) {
        this.dispatch = dispatch;
        this.access = access;
        this.clock = clock;
        this.staff = staff;
    }

    @PostMapping("/dossiers/{caseId}/acceptation")
    String accept(@PathVariable UUID caseId, @RequestParam Map<String, String> form, Caller caller,
                  RedirectAttributes redirect) {
        return act("acceptation", caseId, form, caller, redirect,
                (version) -> new AcceptRequest(new CaseId(caseId), version, occurredAt(form)));
    }

    @PostMapping("/dossiers/{caseId}/adhesions")
    String consent(@PathVariable UUID caseId, @RequestParam Map<String, String> form, Caller caller,
                   RedirectAttributes redirect) {
        return act("adhesion", caseId, form, caller, redirect,
                (version) -> new RecordConsent(new CaseId(caseId), version, occurredAt(form),
                        new SubjectId(uuid(form, "party")), optionalDate(form, "validUntil")));
    }

    @PostMapping("/dossiers/{caseId}/cloture")
    String close(@PathVariable UUID caseId, @RequestParam Map<String, String> form, Caller caller,
                 RedirectAttributes redirect) {
        return act("cloture", caseId, form, caller, redirect,
                (version) -> new CloseIntervention(new CaseId(caseId), version, occurredAt(form),
                        closingReason(form)));
    }

    @PostMapping("/dossiers/{caseId}/permis")
    String permit(@PathVariable UUID caseId, @RequestParam Map<String, String> form, Caller caller,
                  RedirectAttributes redirect) {
        return act("permis", caseId, form, caller, redirect,
                (version) -> new RecordVisitingPermit(new CaseId(caseId), version, occurredAt(form),
                        accompanier(form), value(Prison.class, form, "prison"), requiredDate(form, "validUntil")));
    }

    @PostMapping("/dossiers/{caseId}/visites-programmees")
    String schedule(@PathVariable UUID caseId, @RequestParam Map<String, String> form,
                    @RequestParam(name = "children", required = false) List<String> children, Caller caller,
                    RedirectAttributes redirect) {
        Map<String, String> typed = withChildren(form, children);
        return act("programmation", caseId, typed, caller, redirect,
                (version) -> new ScheduleVisit(new CaseId(caseId), version, clock.instant(), UUID.randomUUID(),
                        plannedFor(form), subjects(children), value(VisitPlace.class, form, "place"),
                        Accompanier.staff(caller.account())));
    }

    @PostMapping("/dossiers/{caseId}/visites")
    String visitHeld(@PathVariable UUID caseId, @RequestParam Map<String, String> form,
                     @RequestParam(name = "children", required = false) List<String> children, Caller caller,
                     RedirectAttributes redirect) {
        Map<String, String> typed = withChildren(form, children);
        return act("visite", caseId, typed, caller, redirect,
                (version) -> new MediateVisit(new CaseId(caseId), version, occurredAt(form), subjects(children),
                        value(VisitPlace.class, form, "place"), null, Accompanier.staff(caller.account()),
                        value(Accompaniment.class, form, "accompaniedBy"),
                        number(form, "durationMinutes", 1, 1440, true), number(form, "kilometres", 0, 2000, false)));
    }

    /** The outcome of one form: back to the case page, at its new version or with what went wrong. */
    private String act(String action, UUID caseId, Map<String, String> form, Caller caller,
                       RedirectAttributes redirect, Function<Long, Object> command) {
        String casePage = "redirect:/dossiers/" + caseId;
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        try {
            Long version = Long.valueOf(form.getOrDefault("version", ""));
            Object built = command.apply(version);
            CommandRequest request = new CommandRequest(caller, key(form), version, UUID.randomUUID().toString(),
                    "POST /dossiers/" + caseId + "/" + action);
            ResponseEntity<String> answer = dispatch.run(request, typed, () -> {
                access.requireCanAct(caller, new CaseId(caseId));
                return dispatch.updated(request, built);
            });
            redirect.addFlashAttribute("done", action);
            return casePage + "?minVersion=" + answer.getHeaders().getETag().replace("\"", "") + "#actions";
        } catch (CaseRuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.rule().code());
        } catch (ConflictingModificationException | ConcurrencyException | NumberFormatException conflict) {
            // Nothing is overwritten: the page says so above its forms and offers the case as it is now.
            redirect.addFlashAttribute("conflict", true);
            redirect.addFlashAttribute("action", action);
            redirect.addFlashAttribute("typed", typed);
            return casePage + "#actions";
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("invalidField", invalid.field);
        }
        redirect.addFlashAttribute("action", action);
        redirect.addFlashAttribute("typed", typed);
        return casePage + "#form-" + action;
    }

    /** A day typed in a form: today means now, an earlier day its noon in the service's zone. */
    private Instant occurredAt(Map<String, String> form) {
        LocalDate day = date(form, "occurredOn");
        LocalDate today = LocalDate.now(clock);
        if (day == null || day.isAfter(today)) {
            throw new InvalidField("occurredOn");
        }
        return day.equals(today) ? clock.instant() : day.atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
    }

    private static LocalDate date(Map<String, String> form, String field) {
        try {
            String value = form.get(field);
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(field);
        }
    }

    private static LocalDate optionalDate(Map<String, String> form, String field) {
        return date(form, field);
    }

    private static UUID uuid(Map<String, String> form, String field) {
        try {
            return UUID.fromString(form.getOrDefault(field, ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field);
        }
    }

    /**
     * The accompanier named on a permit: the account the form names (the signed-in caseworker by default). A name
     * typed there would go into the event: anything but an account is refused (people without an account are named
     * through the API's accompanierName, which keeps the name out of the events).
     */
    private Accompanier accompanier(Map<String, String> form) {
        String typed = form.getOrDefault("accompanier", "").strip();
        if (typed.isEmpty() || typed.length() > 100 || !staff.isAccount(typed)) {
            throw new InvalidField("accompanier");
        }
        return Accompanier.staff(typed);
    }

    private static LocalDate requiredDate(Map<String, String> form, String field) {
        LocalDate day = date(form, field);
        if (day == null) {
            throw new InvalidField(field);
        }
        return day;
    }

    /** The day and time a visit is planned for, in the service's zone; a planned visit lies ahead. */
    private Instant plannedFor(Map<String, String> form) {
        try {
            Instant planned = LocalDateTime.parse(form.getOrDefault("plannedFor", ""))
                    .atZone(clock.getZone()).toInstant();
            if (planned.isBefore(clock.instant())) {
                throw new InvalidField("plannedFor");
            }
            return planned;
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField("plannedFor");
        }
    }

    private static List<SubjectId> subjects(List<String> children) {
        if (children == null || children.isEmpty() || children.size() > 20) {
            throw new InvalidField("children");
        }
        try {
            return children.stream().map(UUID::fromString).map(SubjectId::new).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidField("children");
        }
    }

    /** The children ticked, kept with what was typed (a form map holds one value per field). */
    private static Map<String, String> withChildren(Map<String, String> form, List<String> children) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("children", children == null ? "" : String.join(",", children));
        return typed;
    }

    private static Integer number(Map<String, String> form, String field, int min, int max, boolean required) {
        String typed = form.getOrDefault(field, "").strip();
        if (typed.isEmpty() && !required) {
            return null;
        }
        try {
            int number = Integer.parseInt(typed);
            if (number < min || number > max) {
                throw new InvalidField(field);
            }
            return number;
        } catch (NumberFormatException e) {
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

    private static ClosingReason closingReason(Map<String, String> form) {
        try {
            return ClosingReason.valueOf(form.getOrDefault("reason", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("reason");
        }
    }

    /** The form's idempotency key: a resend of the same form (double click, reload) acts once. */
    private static String key(Map<String, String> form) {
        String key = form.get("idempotencyKey");
        return key != null && key.matches("[A-Za-z0-9._:-]{1,100}") ? key : null;
    }

    /** A field of the form that is missing or malformed. */
    private static final class InvalidField extends RuntimeException {
        private final String field;

        InvalidField(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }
}
