package fr.rep.caseengine.command.erasure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was erased, for auditors (the data protection officer among them): every erasure (who, when, why, whether a key was
 * destroyed) and every run of the retention policy. It holds subject ids only, never a name. It lives beside the
 * tables it reads, which the command side writes in the erasing transaction.
 */
@RestController
@Tag(name = "Erasure")
class ErasureTrailController {

    private final JdbcTemplate jdbc;

    ErasureTrailController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Erasure(
            String eventId,
            UUID caseId,
            UUID subjectId,
            String reason,
            String actor,
            String traceId,
            OffsetDateTime erasedAt,
            boolean keyDestroyed) {}

    record RetentionRun(
            UUID runId,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            String afterClosing,
            OffsetDateTime cutoff,
            Integer casesErased,
            Integer peopleErased,
            Integer failures,
            List<UUID> cases) {}

    record Trail(List<Erasure> erasures, List<RetentionRun> retentionRuns) {}

    @GetMapping("/api/erasures")
    @Operation(
            summary =
                    "Erasures of personal data, newest first (optionally of one case), a page at a time, and "
                            + "the retention policy's runs, newest first, a page at a time (by default the 50 latest); auditors")
    Trail trail(
            @RequestParam(required = false) UUID caseId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "500") @Min(1) @Max(500) int size,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int runsPage,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int runsSize) {
        List<Object> arguments = new ArrayList<>();
        String where = "";
        if (caseId != null) {
            where = " WHERE case_id = ?";
            arguments.add(caseId);
        }
        arguments.add(size);
        arguments.add((long) page * size);
        List<Erasure> erasures = jdbc.query(
                """
                SELECT event_id, case_id, subject_id, reason, actor, trace_id, erased_at, key_destroyed
                FROM personal_data_erasure""" + where + " ORDER BY erased_at DESC, event_id LIMIT ? OFFSET ?",
                (rs, row) -> new Erasure(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class),
                        rs.getBoolean(8)),
                arguments.toArray());
        List<RetentionRun> runs = jdbc.query(
                """
                SELECT r.run_id, r.started_at, r.finished_at, r.after_closing, r.cutoff, r.cases_erased,
                    r.people_erased, r.failures,
                    ARRAY(SELECT c.case_id FROM retention_run_case c WHERE c.run_id = r.run_id ORDER BY c.case_id)
                FROM retention_run r ORDER BY r.started_at DESC, r.run_id LIMIT ? OFFSET ?""",
                (rs, row) -> new RetentionRun(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class),
                        (Integer) rs.getObject(6),
                        (Integer) rs.getObject(7),
                        (Integer) rs.getObject(8),
                        List.of((UUID[]) rs.getArray(9).getArray())),
                runsSize,
                (long) runsPage * runsSize);
        return new Trail(erasures, runs);
    }
}
