package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.input.PlausibleDate;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.access.CaseViewVersions;
import fr.rep.caseengine.query.access.UnknownCase;
import fr.rep.caseengine.query.access.ViewScope;
import fr.rep.caseengine.query.audit.AccessTrail;
import fr.rep.caseengine.query.audit.CaseRead;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a case's history in the order the events were stored, filtered by period and type, and exports it as JSON
 * or PDF carrying the SHA-256 checksum of the exported entries. Every read is recorded in the access trail.
 */
@RestController
@Tag(name = "Case views")
class CaseHistoryController {

    private final JdbcTemplate jdbc;
    private final CaseViewVersions versions;
    private final AccessTrail trail;
    private final HistoryExports exports;
    private final Clock clock;

    CaseHistoryController(
            JdbcTemplate jdbc, CaseViewVersions versions, AccessTrail trail, HistoryExports exports, Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.trail = trail;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * @param eventId     what a correction points at
     * @param reason      the reason the event states (decline, closing, cancellation, correction), as its code
     * @param corrects    for a correction, the entry it voids
     * @param correctedBy the correction that made this entry void, or {@code null}
     */
    record Entry(
            long sequence,
            String eventId,
            String type,
            String summary,
            String reason,
            String corrects,
            String correctedBy,
            String actor,
            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt,
            String correlationId,
            String traceId) {}

    record History(UUID caseId, List<Entry> events) {}

    @GetMapping("/api/cases/{caseId}/history")
    @Operation(
            summary = "Every event of a case: type, actor, occurredAt, recordedAt, readable summary, reason and "
                    + "correction links; filtered by period (from inclusive, to exclusive, on time=OCCURRED|RECORDED) and "
                    + "kind (event type, repeatable)")
    History history(
            @PathVariable UUID caseId,
            @RequestParam(required = false) @Min(0) Long minVersion,
            @RequestParam(required = false) @PlausibleDate Instant from,
            @RequestParam(required = false) @PlausibleDate Instant to,
            @RequestParam(required = false) HistoryFilter.TimeAxis time,
            @RequestParam(required = false) List<String> kind,
            Caller caller,
            HttpServletRequest request) {
        HistoryFilter filter = new HistoryFilter(from, to, time, kind);
        return trail.read(caller, caseId, CaseRead.HISTORY, request, () -> {
            ViewScope scope = ViewScope.forCase(caller);
            versions.awaitVersion(caseId, minVersion, scope);
            return new History(caseId, entries(caseId, filter, scope));
        });
    }

    @GetMapping(value = "/api/cases/{caseId}/history.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The history exported as JSON, with the SHA-256 of its events array (see docs/audit.md)")
    ResponseEntity<byte[]> jsonExport(
            @PathVariable UUID caseId,
            @RequestParam(required = false) @PlausibleDate Instant from,
            @RequestParam(required = false) @PlausibleDate Instant to,
            @RequestParam(required = false) HistoryFilter.TimeAxis time,
            @RequestParam(required = false) List<String> kind,
            Caller caller,
            HttpServletRequest request) {
        HistoryFilter filter = new HistoryFilter(from, to, time, kind);
        return trail.read(
                caller,
                caseId,
                CaseRead.HISTORY_EXPORT_JSON,
                request,
                () -> exports.json(export(caseId, filter, caller)));
    }

    @GetMapping(value = "/api/cases/{caseId}/history.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The history exported as PDF (French labels), printing the SHA-256 of the same events "
                    + "array as the JSON export with the same filters")
    ResponseEntity<byte[]> pdfExport(
            @PathVariable UUID caseId,
            @RequestParam(required = false) @PlausibleDate Instant from,
            @RequestParam(required = false) @PlausibleDate Instant to,
            @RequestParam(required = false) HistoryFilter.TimeAxis time,
            @RequestParam(required = false) List<String> kind,
            Caller caller,
            HttpServletRequest request) {
        HistoryFilter filter = new HistoryFilter(from, to, time, kind);
        return trail.read(
                caller,
                caseId,
                CaseRead.HISTORY_EXPORT_PDF,
                request,
                () -> exports.pdf(export(caseId, filter, caller)));
    }

    /** What both exports hold: the caller's view of the filtered history, stamped now. */
    private HistoryExports.Export export(UUID caseId, HistoryFilter filter, Caller caller) {
        return new HistoryExports.Export(
                caseId, clock.instant(), caller.account(), filter, entries(caseId, filter, ViewScope.forCase(caller)));
    }

    /** The case's entries matching the filter; the case must be in scope (an empty filtered history is no 404). */
    private List<Entry> entries(UUID caseId, HistoryFilter filter, ViewScope scope) {
        if (!scope.includes(jdbc, caseId)) {
            throw new UnknownCase(caseId);
        }
        List<Object> arguments = new ArrayList<>(List.of(caseId));
        String condition = filter.condition(arguments);
        return jdbc.query(
                """
                SELECT sequence_number, event_id, event_type, summary, reason, corrects, corrected_by, actor,
                    occurred_at, recorded_at, correlation_id, trace_id
                FROM case_history_entry h
                WHERE h.case_id = ?""" + condition + " ORDER BY h.sequence_number",
                (rs, row) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class),
                        rs.getString(11),
                        rs.getString(12)),
                arguments.toArray());
    }
}
