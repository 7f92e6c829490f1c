package fr.rep.caseengine.query.asof;

import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Time travel for auditors: the case as it stood at an instant, by occurrence or by recording, as
 * {@code GET /api/cases/{id}/as-of} answers it (the same method: same scope, same fold, recorded in the access trail).
 * The instant comes from a date-and-time field, or from a slider whose steps are the case's events on the chosen axis
 * (step n: as of the n-th event's time). Without a choice, the case as it stands now.
 */
@Controller
class AsOfPage {

    private final AsOfController asOf;
    private final Clock clock;

    AsOfPage(AsOfController asOf, Clock clock) {
        this.asOf = asOf;
        this.clock = clock;
    }

    /**
     * @param at   a local date and time in the service's zone ({@code yyyy-MM-ddTHH:mm[:ss]}): the whole minute (or
     *             second) typed is included, as a reader of « à 10:15 » expects
     * @param step a step of the slider, from 1: as of that event's time on the axis
     */
    @GetMapping("/dossiers/{caseId}/a-date")
    String page(
            @PathVariable UUID caseId,
            @RequestParam(required = false) String at,
            @RequestParam(required = false) Integer step,
            @RequestParam(defaultValue = "RECORDED") CaseAsOf.By by,
            Caller caller,
            HttpServletRequest request,
            Model model) {
        boolean invalidAt = false;
        Instant instant = clock.instant();
        if (at != null && !at.isBlank()) {
            try {
                LocalDateTime local = LocalDateTime.parse(at.strip());
                boolean seconds = at.strip().length() > "yyyy-MM-ddTHH:mm".length();
                instant = local.atZone(clock.getZone())
                        .toInstant()
                        .plus(1, seconds ? ChronoUnit.SECONDS : ChronoUnit.MINUTES)
                        .minus(1, ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                invalidAt = true;
            }
        }
        List<AsOfController.Step> steps = asOf.steps(caseId, by, caller, request);
        if (step != null && !steps.isEmpty()) {
            instant = steps.get(Math.max(1, Math.min(step, steps.size())) - 1).time();
        }
        CaseAsOf state = asOf.asOf(caseId, instant, by, caller, request);
        int current = (int)
                steps.stream().filter(s -> !s.time().isAfter(state.instant())).count();
        model.addAttribute("caseId", caseId);
        model.addAttribute("state", state);
        model.addAttribute("by", by.name());
        model.addAttribute("steps", steps);
        model.addAttribute("current", current);
        model.addAttribute("currentStep", current == 0 ? null : steps.get(current - 1));
        model.addAttribute("invalidAt", invalidAt);
        model.addAttribute(
                "at",
                invalidAt
                        ? at
                        : LocalDateTime.ofInstant(state.instant(), clock.getZone())
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString());
        return "cases/as-of";
    }
}
