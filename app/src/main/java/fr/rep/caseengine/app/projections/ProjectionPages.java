package fr.rep.caseengine.app.projections;

import fr.rep.caseengine.query.deadletter.RetryReport;
import fr.rep.caseengine.query.rebuild.RebuildAlreadyRunning;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import fr.rep.caseengine.query.rebuild.UnknownProjection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' projection pages: each read model's processor state, lag and dead letters, as
 * {@code GET /api/projections} lists them; a rebuild started and followed through the same methods, its bar updated
 * live (htmx polls the progress) until the rebuilt view switches in.
 */
@Controller
class ProjectionPages {

    private final ProjectionRebuildController api;
    private final MessageSource messages;

    ProjectionPages(ProjectionRebuildController api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/administration/projections")
    String list(Model model) {
        List<ProjectionRebuildController.Projection> projections = api.projections();
        model.addAttribute("projections", projections);
        model.addAttribute(
                "labels",
                labels(projections.stream()
                        .map(ProjectionRebuildController.Projection::name)
                        .toList()));
        return "admin/projections";
    }

    @PostMapping("/administration/projections/{name}/reconstruction")
    String rebuild(@PathVariable String name, RedirectAttributes redirect) {
        known(name);
        try {
            api.rebuild(name);
        } catch (RebuildAlreadyRunning running) {
            redirect.addFlashAttribute("alreadyRunning", true);
        }
        return "redirect:/administration/projections/" + name + "/reconstruction";
    }

    @GetMapping("/administration/projections/{name}/reconstruction")
    String progress(
            @PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        RebuildProgress progress;
        try {
            progress = api.progress(name);
        } catch (UnknownProjection unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (ProjectionRebuildController.NoRebuild none) {
            return "redirect:/administration/projections";
        }
        boolean active =
                progress.state() != RebuildProgress.State.DONE && progress.state() != RebuildProgress.State.FAILED;
        model.addAttribute("name", name);
        model.addAttribute("label", labels(List.of(name)).get(name));
        model.addAttribute("progress", progress);
        model.addAttribute("active", active);
        model.addAttribute(
                "percent",
                progress.state() == RebuildProgress.State.DONE
                        ? 100
                        : progress.eventsTotal() == 0
                                ? 0
                                : (int) Math.min(99, progress.eventsDone() * 100 / progress.eventsTotal()));
        return htmx != null ? "admin/rebuild :: progress" : "admin/rebuild";
    }

    @PostMapping("/administration/projections/{name}/lettres-mortes")
    String retry(@PathVariable String name, RedirectAttributes redirect) {
        known(name);
        RetryReport report = api.retry(name);
        redirect.addFlashAttribute("retried", labels(List.of(name)).get(name));
        redirect.addFlashAttribute(
                "applied",
                report.retried().stream()
                        .filter(r -> r.outcome() == RetryReport.Outcome.APPLIED)
                        .count());
        redirect.addFlashAttribute("remaining", report.remaining());
        return "redirect:/administration/projections";
    }

    private void known(String name) {
        if (!api.projections().stream()
                .map(ProjectionRebuildController.Projection::name)
                .toList()
                .contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A read model as administrators call it; its technical name when it has no French words. */
    private Map<String, String> labels(List<String> names) {
        Map<String, String> labels = new TreeMap<>();
        names.forEach(
                name -> labels.put(name, messages.getMessage("projections.name." + name, null, name, Locale.FRANCE)));
        return labels;
    }
}
