package fr.rep.caseengine.query.access;

import fr.rep.caseengine.events.staff.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Break-glass: a caseworker or team manager who must read a case outside their scope states why; the access is
 * recorded, granted for a limited time, logged, and listed to auditors.
 */
@RestController
@Tag(name = "Access")
class BreakGlassController {

    private static final Logger LOG = LoggerFactory.getLogger(BreakGlassController.class);
    private static final int LOGGED_JUSTIFICATION = 60;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration duration;

    BreakGlassController(
            JdbcTemplate jdbc, Clock clock, @Value("${rep.security.break-glass-duration:4h}") Duration duration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.duration = duration;
    }

    record Justification(
            @NotBlank
            @Size(min = 20, max = 2000, message = "must explain in 20 to 2000 characters why this case must be read")
            String justification) {}

    record Grant(long id, String account, UUID caseId, String justification, Instant grantedAt, Instant expiresAt) {}

    @PostMapping("/api/cases/{caseId}/break-glass")
    @Operation(summary = "Open a case outside one's scope, with a written justification (recorded, time-limited)")
    @ApiResponse(responseCode = "201", description = "Granted: the case may be read until expiresAt")
    ResponseEntity<Grant> breakGlass(@PathVariable UUID caseId, @Valid @RequestBody Justification body, Caller caller) {
        Boolean exists =
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM case_view WHERE case_id = ?)", Boolean.class, caseId);
        if (!Boolean.TRUE.equals(exists)) {
            throw new UnknownCase(caseId);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(duration);
        Long id = jdbc.queryForObject(
                """
                INSERT INTO break_glass_access (account, case_id, justification, granted_at, expires_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""",
                Long.class,
                caller.account(),
                caseId,
                body.justification(),
                Timestamp.from(now),
                Timestamp.from(expiresAt));
        LOG.warn(
                "Break-glass access {} by {} to case {} until {}: {}",
                id,
                caller.account(),
                caseId,
                expiresAt,
                logged(body.justification()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Grant(id, caller.account(), caseId, body.justification(), now, expiresAt));
    }

    /**
     * The justification's beginning, on one line: enough to tell accesses apart in the log, which is read by more
     * people than the trail (where the justification is kept in full for auditors); escaped so that a typed line break
     * cannot forge a log line.
     */
    static String logged(String justification) {
        String start = justification.length() <= LOGGED_JUSTIFICATION
                ? justification
                : justification.substring(0, LOGGED_JUSTIFICATION) + "... (" + justification.length() + " characters)";
        StringBuilder line = new StringBuilder();
        start.codePoints().forEach(c -> {
            if (c == '\\') {
                line.append("\\\\");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }

    @GetMapping("/api/break-glass-accesses")
    @Operation(summary = "Break-glass accesses with their justifications, newest first, a page at a time (auditors)")
    List<Grant> accesses(
            @RequestParam(required = false) UUID caseId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int size) {
        return jdbc.query(
                """
                SELECT id, account, case_id, justification, granted_at, expires_at FROM break_glass_access
                WHERE ?::uuid IS NULL OR case_id = ?::uuid ORDER BY id DESC LIMIT ? OFFSET ?""",
                (rs, row) -> new Grant(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class).toInstant()),
                caseId,
                caseId,
                size,
                (long) page * size);
    }
}
