package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.access.CaseAccess;
import fr.rep.caseengine.command.access.Caseworkers;
import fr.rep.caseengine.command.pipeline.CommandDispatch;
import fr.rep.caseengine.command.pipeline.CommandOutcome;
import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
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
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitingRights;
import fr.rep.caseengine.events.staff.Caller;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    private final FamilyCaseCommandController api;
    private final Validator validator;
    private final Clock clock;
    private final Caseworkers staff;

    CaseActionPages(
            CommandDispatch dispatch,
            CaseAccess access,
            FamilyCaseCommandController api,
            Validator validator,
            Clock clock,
            Caseworkers staff) {
        this.dispatch = dispatch;
        this.access = access;
        this.api = api;
        this.validator = validator;
        this.clock = clock;
        this.staff = staff;
    }

    @PostMapping("/dossiers/{caseId}/acceptation")
    String accept(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "acceptation",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new AcceptRequest(new CaseId(caseId), version, occurredAt(form)));
    }

    @PostMapping("/dossiers/{caseId}/adhesions")
    String consent(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "adhesion",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new RecordConsent(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        new SubjectId(uuid(form, "party")),
                        optionalDate(form, "validUntil")));
    }

    @PostMapping("/dossiers/{caseId}/cloture")
    String close(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "cloture",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new CloseIntervention(new CaseId(caseId), version, occurredAt(form), closingReason(form)));
    }

    @PostMapping("/dossiers/{caseId}/permis")
    String permit(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "permis",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new RecordVisitingPermit(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        accompanier(form),
                        value(Prison.class, form, "prison"),
                        requiredDate(form, "validUntil")));
    }

    @PostMapping("/dossiers/{caseId}/visites-programmees")
    String schedule(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "children", required = false) List<String> children,
            Caller caller,
            RedirectAttributes redirect) {
        Map<String, String> typed = withChildren(form, children);
        return act(
                "programmation",
                caseId,
                typed,
                caller,
                redirect,
                (version) -> new ScheduleVisit(
                        new CaseId(caseId),
                        version,
                        clock.instant(),
                        UUID.randomUUID(),
                        plannedFor(form),
                        subjects(children),
                        value(VisitPlace.class, form, "place"),
                        Accompanier.staff(caller.account())));
    }

    @PostMapping("/dossiers/{caseId}/visites")
    String visitHeld(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "children", required = false) List<String> children,
            Caller caller,
            RedirectAttributes redirect) {
        Map<String, String> typed = withChildren(form, children);
        return act(
                "visite",
                caseId,
                typed,
                caller,
                redirect,
                (version) -> new MediateVisit(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        subjects(children),
                        value(VisitPlace.class, form, "place"),
                        null,
                        Accompanier.staff(caller.account()),
                        value(Accompaniment.class, form, "accompaniedBy"),
                        number(form, "durationMinutes", 1, 1440, true),
                        number(form, "kilometres", 0, 2000, true)));
    }

    @PostMapping("/dossiers/{caseId}/refus")
    String decline(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "refus",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new DeclineRequest(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        value(DeclineReason.class, form, "reason"),
                        "true".equals(form.get("partiesNotified"))));
    }

    @PostMapping("/dossiers/{caseId}/entretiens")
    String interview(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "participants", required = false) List<String> participants,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "entretien",
                caseId,
                withList(form, "participants", participants),
                caller,
                redirect,
                (version) -> new RecordInterview(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        value(InterviewKind.class, form, "kind"),
                        values(InterviewParticipant.class, participants, "participants"),
                        value(InterviewPlace.class, form, "place"),
                        number(form, "kilometres", 0, 2000, false)));
    }

    @PostMapping("/dossiers/{caseId}/bilans")
    String review(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "bilan",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new ReviewCase(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        number(form, "plannedVisitsPerMonth", 0, 31, true),
                        number(form, "kilometres", 0, 2000, false)));
    }

    @PostMapping("/dossiers/{caseId}/retraits-adhesion")
    String withdraw(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "retrait",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new WithdrawConsent(
                        new CaseId(caseId), version, occurredAt(form), new SubjectId(uuid(form, "party"))));
    }

    @PostMapping("/dossiers/{caseId}/fins-de-permis")
    String permitExpired(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "fin-permis",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new ExpireVisitingPermit(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        accompanier(form),
                        value(Prison.class, form, "prison")));
    }

    @PostMapping("/dossiers/{caseId}/etapes-de-contact")
    String contactStep(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "children", required = false) List<String> children,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "contact",
                caseId,
                withList(form, "children", children),
                caller,
                redirect,
                (version) -> new RecordContactStep(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        value(ContactStep.class, form, "step"),
                        subjects(children),
                        value(Accompaniment.class, form, "mediatedBy"),
                        number(form, "kilometres", 0, 2000, false)));
    }

    @PostMapping("/dossiers/{caseId}/annulations")
    String cancelVisit(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "annulation",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new CancelVisit(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        uuid(form, "visitId"),
                        value(VisitCancellationReason.class, form, "reason")));
    }

    @PostMapping("/dossiers/{caseId}/visites-a-domicile")
    String homeVisit(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "domicile",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new RecordHomeVisit(
                        new CaseId(caseId), version, occurredAt(form), number(form, "kilometres", 0, 2000, true)));
    }

    @PostMapping("/dossiers/{caseId}/accompagnements-eaje")
    String nursery(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "eaje",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new RecordNurseryAccompaniment(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        new SubjectId(uuid(form, "child")),
                        number(form, "kilometres", 0, 2000, true)));
    }

    @PostMapping("/dossiers/{caseId}/derogations-creche")
    String nurseryDerogation(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "derogation",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new RecordNurseryDerogation(
                        new CaseId(caseId), version, occurredAt(form), new SubjectId(uuid(form, "child"))));
    }

    @PostMapping("/dossiers/{caseId}/detention")
    String custody(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act("detention", caseId, form, caller, redirect, (version) -> {
            CustodyChange change = value(CustodyChange.class, form, "change");
            Prison prison = form.getOrDefault("prison", "").isEmpty() ? null : value(Prison.class, form, "prison");
            FamilyCaseCommandController.requirePrisonOfTransfer(change, prison);
            return new RecordCustodyChange(new CaseId(caseId), version, occurredAt(form), change, prison);
        });
    }

    @PostMapping("/dossiers/{caseId}/decisions")
    String courtDecision(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "children", required = false) List<String> children,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "decision",
                caseId,
                withList(form, "children", children),
                caller,
                redirect,
                (version) -> new RecordCourtDecision(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        value(Court.class, form, "court"),
                        value(VisitingRights.class, form, "rights"),
                        subjects(children)));
    }

    @PostMapping("/dossiers/{caseId}/interdictions-de-contact")
    String noContact(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "children", required = false) List<String> children,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "interdiction",
                caseId,
                withList(form, "children", children),
                caller,
                redirect,
                (version) -> new OrderNoContact(
                        new CaseId(caseId),
                        version,
                        occurredAt(form),
                        value(Court.class, form, "court"),
                        subjects(children)));
    }

    @PostMapping("/dossiers/{caseId}/levees-interdiction")
    String liftNoContact(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "children", required = false) List<String> children,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "levee",
                caseId,
                withList(form, "children", children),
                caller,
                redirect,
                (version) -> new LiftNoContactOrder(new CaseId(caseId), version, occurredAt(form), subjects(children)));
    }

    @PostMapping("/dossiers/{caseId}/enfants")
    String addChild(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return run("enfant", caseId, form, caller, redirect, (request) -> {
            Instant occurredAt = occurredAt(form);
            RequestBodies.NewChild body = new RequestBodies.NewChild(
                    occurredAt.atOffset(ZoneOffset.UTC),
                    optionalDate(form, "birthDate"),
                    blankAsNull(form.get("department")),
                    form.getOrDefault("housing", "").isEmpty() ? null : value(HousingType.class, form, "housing"),
                    new SubjectId(uuid(form, "parentalAuthority")),
                    new RequestBodies.Person(
                            blankAsNull(form.get("firstName")), blankAsNull(form.get("lastName")), null, null, null));
            // The API's input rules (a name, a past birth date, a département code) on the same body.
            for (ConstraintViolation<RequestBodies.NewChild> violation : validator.validate(body)) {
                throw new InvalidField(violation.getPropertyPath().toString().replace("person.", ""));
            }
            return () -> api.childAdded(request, new CaseId(caseId), occurredAt, body);
        });
    }

    @PostMapping("/dossiers/{caseId}/corrections")
    String correct(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act("correction", caseId, form, caller, redirect, (version) -> {
            String entry = form.getOrDefault("correctedEventId", "");
            if (entry.isBlank() || entry.length() > 64) {
                throw new InvalidField("correctedEventId");
            }
            return new CorrectEntry(
                    new CaseId(caseId),
                    version,
                    occurredAt(form),
                    entry,
                    value(CorrectionReason.class, form, "reason"));
        });
    }

    @PostMapping("/dossiers/{caseId}/reouverture")
    String reopen(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return act(
                "reouverture",
                caseId,
                form,
                caller,
                redirect,
                (version) -> new ReopenCase(new CaseId(caseId), version, occurredAt(form)));
    }

    @PostMapping("/dossiers/{caseId}/affectation")
    String assign(
            @PathVariable UUID caseId,
            @RequestParam Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect) {
        return run("affectation", caseId, form, caller, redirect, (request) -> {
            Instant occurredAt = occurredAt(form);
            String caseworker = form.getOrDefault("caseworker", "").strip();
            api.requireActiveCaseworker(caseworker);
            return () -> api.assigned(request, new CaseId(caseId), occurredAt, caseworker);
        });
    }

    /** The outcome of one form: back to the case page, at its new version or with what went wrong. */
    private String act(
            String action,
            UUID caseId,
            Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect,
            Command command) {
        return run(action, caseId, form, caller, redirect, (request) -> {
            Object built = command.build(request.expectedVersion());
            return () -> {
                access.requireCanAct(caller, new CaseId(caseId));
                return dispatch.updated(request, built);
            };
        });
    }

    /**
     * Runs a form's command once per form key, at the version the form showed: back to the case page at its new
     * version, or with the rule, the field or the conflict to say beside what was typed.
     */
    private String run(
            String action,
            UUID caseId,
            Map<String, String> form,
            Caller caller,
            RedirectAttributes redirect,
            Prepared prepared) {
        String casePage = "redirect:/dossiers/" + caseId;
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        try {
            Long version = Long.valueOf(form.getOrDefault("version", ""));
            CommandRequest request = CommandRequest.ofForm(
                    caller, form.get("idempotencyKey"), version, "POST /dossiers/" + caseId + "/" + action);
            Supplier<CommandOutcome> command = prepared.prepare(request);
            ResponseEntity<String> answer = dispatch.run(request, typed, command);
            redirect.addFlashAttribute("done", action);
            return casePage + "?minVersion=" + answer.getHeaders().getETag().replace("\"", "") + "#actions";
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.rule().code());
        } catch (ConflictingModificationException | ConcurrencyException | NumberFormatException conflict) {
            // Nothing is overwritten: the page says so above its forms, with what changed since the form's version.
            redirect.addFlashAttribute("conflict", true);
            redirect.addFlashAttribute("action", action);
            redirect.addFlashAttribute("typed", typed);
            if (conflict instanceof ConflictingAggregateVersionException versions) {
                redirect.addFlashAttribute("conflictSince", versions.getExpectedVersion());
                return casePage + "?minVersion=" + versions.getActualVersion() + "#actions";
            }
            return casePage + "#actions";
        } catch (InvalidField invalid) {
            redirect.addFlashAttribute("invalidField", invalid.field);
        } catch (BindException invalid) {
            // The API's own input rule (a transfer's prison, an active caseworker): said beside its field.
            redirect.addFlashAttribute(
                    "invalidField", invalid.getFieldErrors().get(0).getField());
        }
        redirect.addFlashAttribute("action", action);
        redirect.addFlashAttribute("typed", typed);
        return casePage + "#form-" + action;
    }

    /** A form's command, built from what was typed at the version the form showed. */
    @FunctionalInterface
    private interface Command {
        Object build(Long version) throws BindException;
    }

    /** A form's work: checked and built before the transaction, then run inside it (once per form key). */
    @FunctionalInterface
    private interface Prepared {
        Supplier<CommandOutcome> prepare(CommandRequest request) throws BindException;
    }

    /** A day typed in a form: today means now, an earlier day its noon in the service's zone. */
    private Instant occurredAt(Map<String, String> form) {
        LocalDate day = date(form, "occurredOn");
        LocalDate today = LocalDate.now(clock);
        if (day == null || day.isAfter(today)) {
            throw new InvalidField("occurredOn");
        }
        return day.equals(today)
                ? clock.instant()
                : day.atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
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
                    .atZone(clock.getZone())
                    .toInstant();
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
        return withList(form, "children", children);
    }

    /** The boxes ticked of one field, kept with what was typed (a form map holds one value per field). */
    private static Map<String, String> withList(Map<String, String> form, String field, List<String> ticked) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put(field, ticked == null ? "" : String.join(",", ticked));
        return typed;
    }

    private static <E extends Enum<E>> List<E> values(Class<E> type, List<String> ticked, String field) {
        if (ticked == null || ticked.isEmpty() || ticked.size() > 20) {
            throw new InvalidField(field);
        }
        try {
            return ticked.stream()
                    .map(value -> Enum.valueOf(type, value))
                    .distinct()
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field);
        }
    }

    private static String blankAsNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
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

    /** A field of the form that is missing or malformed. */
    private static final class InvalidField extends RuntimeException {
        private final String field;

        InvalidField(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }
}
