package fr.rep.caseengine.query.audit;

import fr.rep.caseengine.events.input.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access trail for auditors: who read a case's data, when, what and why. Listing the trail is not itself a read
 * of a case's data and is not recorded.
 */
@RestController
@Tag(name = "Audit")
class AccessTrailController {

    private final JdbcTemplate jdbc;

    AccessTrailController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param purposeStated false when the reader sent no purpose and the trail recorded the default
     * @param breakGlassId  the break-glass access the read went through, or {@code null}
     * @param outcome       {@code SHOWN}, or {@code NOT_FOUND} when the case was unknown or out of the reader's scope
     */
    record Access(
            long id,
            Instant accessedAt,
            String account,
            List<String> roles,
            UUID caseId,
            CaseRead what,
            String parameters,
            String purpose,
            boolean purposeStated,
            Long breakGlassId,
            String outcome) {}

    record AccessPage(List<Access> items, int page, int size) {}

    @GetMapping("/api/cases/{caseId}/accesses")
    @Operation(summary = "Who read this case's data, newest first, with what they read and why (auditors)")
    AccessPage caseAccesses(
            @PathVariable UUID caseId,
            @RequestParam(required = false) @PlausibleDate Instant from,
            @RequestParam(required = false) @PlausibleDate Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return accesses(null, caseId, from, to, page, size);
    }

    @GetMapping("/api/accesses")
    @Operation(summary = "Reads of case data by account, case and period, newest first (auditors)")
    AccessPage accesses(
            @RequestParam(required = false) String account,
            @RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) @PlausibleDate Instant from,
            @RequestParam(required = false) @PlausibleDate Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> arguments = new ArrayList<>();
        if (account != null) {
            where.append(" AND account = ?");
            arguments.add(account);
        }
        if (caseId != null) {
            where.append(" AND case_id = ?");
            arguments.add(caseId);
        }
        if (from != null) {
            where.append(" AND accessed_at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND accessed_at < ?");
            arguments.add(Timestamp.from(to));
        }
        arguments.add(size);
        arguments.add((long) page * size);
        List<Access> items = jdbc.query(
                """
                SELECT id, accessed_at, account, roles, case_id, what, parameters, purpose, purpose_stated,
                    break_glass_id, outcome
                FROM case_access_trail WHERE\s""" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", (rs, row) -> access(rs), arguments.toArray());
        return new AccessPage(items, page, size);
    }

    private static Access access(ResultSet rs) throws SQLException {
        long breakGlass = rs.getLong("break_glass_id");
        Long breakGlassId = rs.wasNull() ? null : breakGlass;
        return new Access(
                rs.getLong("id"),
                rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
                rs.getString("account"),
                Arrays.asList(rs.getString("roles").split(",")),
                rs.getObject("case_id", UUID.class),
                CaseRead.valueOf(rs.getString("what")),
                rs.getString("parameters"),
                rs.getString("purpose"),
                rs.getBoolean("purpose_stated"),
                breakGlassId,
                rs.getString("outcome"));
    }
}
