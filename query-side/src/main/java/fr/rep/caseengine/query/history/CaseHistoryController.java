package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.access.ViewScope;
import fr.rep.caseengine.query.caseview.CaseViewVersions;
import fr.rep.caseengine.query.caseview.UnknownCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Serves a case's history in the order the events were stored. */
@RestController
@Tag(name = "Case views")
class CaseHistoryController {

    private final JdbcTemplate jdbc;
    private final CaseViewVersions versions;

    CaseHistoryController(JdbcTemplate jdbc, CaseViewVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /**
     * @param eventId     what a correction points at
     * @param correctedBy the event that made this entry void, or {@code null}
     */
    record Entry(long sequence, String eventId, String type, String summary, String actor,
                 OffsetDateTime occurredAt, OffsetDateTime recordedAt, String correlationId, String traceId,
                 String correctedBy) {
    }

    record History(UUID caseId, List<Entry> events) {
    }

    @GetMapping("/api/cases/{caseId}/history")
    @Operation(summary = "Every event of a case: type, actor, occurredAt, recordedAt and a readable summary")
    History history(@PathVariable UUID caseId, @RequestParam(required = false) @Min(0) Long minVersion,
                    Caller caller) {
        ViewScope scope = ViewScope.forCase(caller);
        versions.awaitVersion(caseId, minVersion, scope);
        List<Entry> entries = jdbc.query("""
                SELECT sequence_number, event_id, event_type, summary, actor, occurred_at, recorded_at,
                    correlation_id, trace_id, corrected_by
                FROM case_history_entry h
                WHERE case_id = ? AND EXISTS (SELECT 1 FROM case_view v WHERE v.case_id = h.case_id AND\s"""
                        + scope.condition() + ") ORDER BY sequence_number",
                (rs, row) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8), rs.getString(9), rs.getString(10)),
                scope.argumentsAfter(caseId));
        if (entries.isEmpty()) {
            throw new UnknownCase(caseId);
        }
        return new History(caseId, entries);
    }
}
