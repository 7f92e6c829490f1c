package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.command.pipeline.IdempotencyKeyReused;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.staff.Caller;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Nouvelle demande »: the reception form, sent through the same code as {@code POST /api/cases} (the same request
 * record, its bean validation, the family's coherence rule, the idempotent dispatch). Fields carry the paths of the
 * API's record ({@code children[0].birthDate}), so an error lands beside the field it names. Rows of parties and
 * children are added and removed by submitting the form to itself, without script. The form's idempotency key is made
 * when the form is first shown: a double click or a resend opens one case.
 */
@Controller
class NewRequestPage {

    static final String PATH = "/demandes/nouvelle";

    private static final Pattern ROW_FIELD = Pattern.compile("(parties|children)\\[(\\d{1,2})]\\.(.+)");
    /** Form fields that steer the form itself, not part of what was typed. */
    /** How a baby in the prison nursery names the detained mother as holder of authority (party refs start "p"). */
    static final String DETAINED_PARENT_REF = "detained-parent";

    private static final List<String> CONTROLS = List.of("_csrf", "add", "remove");
    private static final int MAX_ROWS = 20;

    private final FamilyCaseCommandController api;
    private final Validator validator;
    private final Clock clock;

    NewRequestPage(FamilyCaseCommandController api, Validator validator, Clock clock) {
        this.api = api;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String show(Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("idempotencyKey", UUID.randomUUID().toString());
        typed.put("occurredAt", LocalDate.now(clock).toString());
        typed.put("parties[0].ref", newRef());
        typed.put("parties[0].role", PartyRole.FREE_PARENT.name());
        typed.put("children[0].row", "1");
        return form(model, typed, Map.of());
    }

    @PostMapping(PATH)
    String submit(@RequestParam Map<String, String> form, Caller caller, Model model) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        CONTROLS.forEach(typed::remove);
        if (form.containsKey("add") || form.containsKey("remove")) {
            return form(model, rearranged(typed, form.get("add"), form.get("remove")), Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (caller.team() == null) {
            errors.put("team", "request.error.team");
        }
        RequestBodies.NewCase body = newCase(typed, caller, errors);
        for (ConstraintViolation<RequestBodies.NewCase> violation : validator.validate(body)) {
            String field = violation.getPropertyPath().toString();
            String constraint = violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
            // A pattern's meaning depends on the field (a phone number, a département).
            errors.putIfAbsent(
                    field,
                    "request.error." + constraint + ("Pattern".equals(constraint) ? "." + lastSegment(field) : ""));
        }
        if (!errors.isEmpty()) {
            return form(model, typed, errors);
        }
        CommandRequest request = CommandRequest.ofForm(caller, typed.get("idempotencyKey"), null, "POST " + PATH);
        try {
            ResponseEntity<String> answer = api.receive(request, body, typed);
            String location = answer.getHeaders().getLocation().toString();
            String caseId = location.substring(location.lastIndexOf('/') + 1);
            return "redirect:/dossiers/" + caseId + "?minVersion="
                    + answer.getHeaders().getETag().replace("\"", "");
        } catch (BindException refused) {
            for (FieldError error : refused.getFieldErrors()) {
                errors.putIfAbsent(error.getField(), "request.error." + lastSegment(error.getField()));
            }
            return form(model, typed, errors);
        } catch (RuleViolation refused) {
            return form(model, typed, Map.of("form", "rule." + refused.rule().code()));
        } catch (IdempotencyKeyReused reused) {
            // The same form, changed after it was recorded: a new key lets it be sent as a new request if meant so.
            typed.put("idempotencyKey", UUID.randomUUID().toString());
            return form(model, typed, Map.of("form", "request.error.keyReused"));
        }
    }

    private String form(Model model, Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("partyRows", rows(typed, "parties").size());
        model.addAttribute("childRows", rows(typed, "children").size());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("referrerTypes", ReferrerType.values());
        model.addAttribute("channels", ReferralChannel.values());
        model.addAttribute("prisons", Prison.values());
        model.addAttribute("penalStatuses", PenalStatus.values());
        model.addAttribute(
                "partyRoles",
                List.of(PartyRole.values()).stream()
                        .filter(PartyRole::holdsParentalAuthority)
                        .toList());
        model.addAttribute("housings", HousingType.values());
        model.addAttribute("detainedParentRef", DETAINED_PARENT_REF);
        return "requests/new";
    }

    /** The request as the API would receive it; what cannot be read is left out and said in {@code errors}. */
    private RequestBodies.NewCase newCase(Map<String, String> typed, Caller caller, Map<String, String> errors) {
        List<RequestBodies.Party> parties = new ArrayList<>();
        List<Map<String, String>> partyRows = rows(typed, "parties");
        for (Map<String, String> row : partyRows) {
            parties.add(new RequestBodies.Party(
                    row.get("ref"), value(PartyRole.class, row.get("role")), person(row, "person.")));
        }
        List<RequestBodies.Child> children = new ArrayList<>();
        List<Map<String, String>> childRows = rows(typed, "children");
        for (int i = 0; i < childRows.size(); i++) {
            Map<String, String> row = childRows.get(i);
            children.add(new RequestBodies.Child(
                    date(row.get("birthDate"), "children[" + i + "].birthDate", errors),
                    blankToNull(row.get("department")),
                    value(HousingType.class, row.get("housing")),
                    blankToNull(row.get("parentalAuthority")),
                    person(row, "person.")));
        }
        return new RequestBodies.NewCase(
                occurredAt(typed.get("occurredAt"), errors),
                value(ReferrerType.class, typed.get("referrerType")),
                value(ReferralChannel.class, typed.get("channel")),
                caller.team(),
                value(Prison.class, typed.get("prison")),
                new RequestBodies.DetainedParent(
                        value(PenalStatus.class, typed.get("detainedParent.penalStatus")),
                        person(typed, "detainedParent.person."),
                        null,
                        DETAINED_PARENT_REF),
                parties,
                children,
                "true".equals(typed.get("educationalOrJudicialMeasure")));
    }

    /** The day the request came in: today means now, an earlier day its noon in the service's zone. */
    private OffsetDateTime occurredAt(String typed, Map<String, String> errors) {
        LocalDate day = date(typed, "occurredAt", errors);
        if (day == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        return day.equals(today)
                ? OffsetDateTime.now(clock)
                : day.atTime(LocalTime.NOON).atZone(clock.getZone()).toOffsetDateTime();
    }

    private static LocalDate date(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.put(field, "request.error.date");
            return null;
        }
    }

    private static RequestBodies.Person person(Map<String, String> fields, String prefix) {
        return new RequestBodies.Person(
                blankToNull(fields.get(prefix + "firstName")),
                blankToNull(fields.get(prefix + "lastName")),
                null,
                blankToNull(fields.get(prefix + "phone")),
                null);
    }

    /** A choice from a list: one not in the list is no choice, which the validation then names. */
    private static <E extends Enum<E>> E value(Class<E> type, String typed) {
        try {
            return typed == null ? null : Enum.valueOf(type, typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** The rows of a list, in order, each as its fields without the list's prefix. */
    private static List<Map<String, String>> rows(Map<String, String> typed, String list) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        typed.forEach((field, value) -> {
            Matcher matcher = ROW_FIELD.matcher(field);
            if (matcher.matches() && matcher.group(1).equals(list)) {
                rows.computeIfAbsent(Integer.valueOf(matcher.group(2)), index -> new LinkedHashMap<>())
                        .put(matcher.group(3), value);
            }
        });
        return new ArrayList<>(rows.values());
    }

    /** What was typed with a row added or one removed, the rows numbered again from 0. */
    private static Map<String, String> rearranged(Map<String, String> typed, String add, String remove) {
        List<Map<String, String>> parties = rows(typed, "parties");
        List<Map<String, String>> children = rows(typed, "children");
        if ("party".equals(add) && parties.size() < 10) {
            parties.add(new LinkedHashMap<>(Map.of("ref", newRef(), "role", PartyRole.FREE_PARENT.name())));
        } else if ("child".equals(add) && children.size() < MAX_ROWS) {
            children.add(new LinkedHashMap<>(Map.of("row", "1")));
        } else if (remove != null && remove.matches("(party|child):\\d{1,2}")) {
            List<Map<String, String>> list = remove.startsWith("party") ? parties : children;
            int index = Integer.parseInt(remove.substring(remove.indexOf(':') + 1));
            if (index < list.size() && list.size() > (list == children ? 1 : 0)) {
                list.remove(index);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        typed.forEach((field, value) -> {
            if (!ROW_FIELD.matcher(field).matches()) {
                result.put(field, value);
            }
        });
        put(result, "parties", parties);
        put(result, "children", children);
        return result;
    }

    private static void put(Map<String, String> result, String list, List<Map<String, String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            rows.get(i).forEach((field, value) -> result.put(list + "[" + index + "]." + field, value));
        }
    }

    /** A party's name inside the request, by which children point at their holder of parental authority. */
    private static String newRef() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String lastSegment(String field) {
        return field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
    }
}
