package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A case's history as a French timeline: the entries of {@code GET /api/cases/{id}/history}, read by the same code
 * (same scope, recorded in the access trail), with the same filters (period on either time axis, kinds) and links to
 * the same exports, whose SHA-256 the page shows beside the command that recomputes it. The case page loads the
 * timeline with htmx; without JavaScript it is a page.
 */
@Controller
class CaseHistoryPage {

    private final CaseHistoryController histories;
    private final HistorySentences sentences;
    private final HistoryExports exports;
    private final Clock clock;

    CaseHistoryPage(CaseHistoryController histories, HistorySentences sentences, HistoryExports exports, Clock clock) {
        this.histories = histories;
        this.sentences = sentences;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * @param from first day shown ({@code yyyy-MM-dd}, the service's zone), inclusive
     * @param to   last day shown, inclusive (the API's {@code to} is the next midnight)
     */
    @GetMapping("/dossiers/{caseId}/historique")
    String history(
            @PathVariable UUID caseId,
            @RequestParam(required = false) Long minVersion,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) HistoryFilter.TimeAxis time,
            @RequestParam(required = false) List<String> kind,
            Caller caller,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant start = day(from, "from", errors, 0);
        Instant end = day(to, "to", errors, 1);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.put("to", "history.error.order");
            end = null;
        }
        List<String> kinds = kind == null
                ? List.of()
                : kind.stream().filter(k -> !k.isBlank()).toList();
        CaseHistoryController.History history = histories.history(
                caseId,
                minVersion == null || minVersion < 0 ? null : minVersion,
                start,
                end,
                time,
                kinds.isEmpty() ? null : kinds,
                caller,
                request);
        model.addAttribute("history", history);
        // Asked only now: the history query above checked the caller's scope (unknown case otherwise).
        model.addAttribute("sentences", sentences.sentences(caseId));
        if (htmx != null) {
            return "cases/history :: timeline";
        }
        HistoryFilter filter = new HistoryFilter(start, end, time, kinds);
        model.addAttribute("errors", errors);
        model.addAttribute("from", errors.containsKey("from") || from == null ? "" : from);
        model.addAttribute("to", errors.containsKey("to") || to == null ? "" : to);
        model.addAttribute("time", filter.time());
        model.addAttribute("kinds", HistoryFilter.KINDS);
        model.addAttribute("chosenKinds", filter.kinds());
        model.addAttribute("filtered", start != null || end != null || !kinds.isEmpty());
        model.addAttribute(
                "checksum", HexFormat.of().formatHex(HistoryExports.sha256(exports.canonicalEvents(history.events()))));
        model.addAttribute("jsonExport", exportLink(caseId, "json", filter));
        model.addAttribute("pdfExport", exportLink(caseId, "pdf", filter));
        return "cases/history";
    }

    /** Midnight in the service's zone of the typed day, plus {@code days}; a bad day is said beside its field. */
    private Instant day(String typed, String field, Map<String, String> errors, int days) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip())
                    .plusDays(days)
                    .atStartOfDay(clock.getZone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "history.error.date");
            return null;
        }
    }

    /** The API's export with the page's filters: the file whose {@code events} the shown checksum covers. */
    private static String exportLink(UUID caseId, String format, HistoryFilter filter) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/cases/{caseId}/history." + format);
        if (filter.from() != null) {
            link.queryParam("from", filter.from());
        }
        if (filter.to() != null) {
            link.queryParam("to", filter.to());
        }
        link.queryParam("time", filter.time());
        filter.kinds().forEach(kind -> link.queryParam("kind", kind));
        return link.buildAndExpand(caseId).encode().toUriString();
    }
}
