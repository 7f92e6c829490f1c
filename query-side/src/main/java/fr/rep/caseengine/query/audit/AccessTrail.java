package fr.rep.caseengine.query.audit;

import fr.rep.caseengine.events.problem.ProblemType;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.access.UnknownCase;
import fr.rep.caseengine.query.access.ViewBehind;
import fr.rep.caseengine.query.access.ViewScope;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Records each read of one case's data in {@code case_access_trail}, in the request that reads, before the answer is
 * written: a read whose record cannot be written fails instead of answering. A read of a case out of the reader's
 * scope (or unknown) is recorded too, as {@code NOT_FOUND}.
 *
 * <p>The purpose comes from the {@value #PURPOSE_HEADER} header. Without it, the trail records a default, marked as
 * not stated: the break-glass justification for a read through break-glass, {@value #AUDIT} for an auditor,
 * {@value #CASE_WORK} for the case's own team.
 */
@Component
public class AccessTrail {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    static final int LONGEST_PURPOSE = 500;
    static final String AUDIT = "audit";
    static final String CASE_WORK = "case work";
    private static final int LONGEST_PARAMETERS = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record BreakGlass(long id, String justification) {}

    /**
     * Runs {@code read} and records it; the answer is returned only once the record is written.
     *
     * @throws UnknownCase as {@code read} does, after recording the attempt
     */
    public <T> T read(Caller caller, UUID caseId, CaseRead what, HttpServletRequest request, Supplier<T> read) {
        String stated = statedPurpose(request);
        T answer;
        try {
            answer = read.get();
        } catch (UnknownCase unknown) {
            record(caller, caseId, what, stated, request.getQueryString(), "NOT_FOUND");
            throw unknown;
        } catch (ViewBehind behind) {
            // A minVersion probe that timed out: out of the caller's scope a case looks like one not yet projected,
            // so repeated probes are reads too, and recorded as such.
            record(caller, caseId, what, stated, request.getQueryString(), "VIEW_BEHIND");
            throw behind;
        }
        record(caller, caseId, what, stated, request.getQueryString(), "SHOWN");
        return answer;
    }

    private void record(Caller caller, UUID caseId, CaseRead what, String stated, String parameters, String outcome) {
        BreakGlass grant = caller.has(Role.AUDITOR) ? null : breakGlassOutsideScope(caller, caseId);
        String purpose = stated != null
                ? stated
                : grant != null
                        ? shortened("break-glass: " + grant.justification(), LONGEST_PURPOSE)
                        : caller.has(Role.AUDITOR) ? AUDIT : CASE_WORK;
        jdbc.update(
                """
                INSERT INTO case_access_trail (accessed_at, account, roles, case_id, what, parameters, purpose,
                    purpose_stated, break_glass_id, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()),
                caller.account(),
                caller.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                caseId,
                what.name(),
                parameters == null ? null : shortened(parameters, LONGEST_PARAMETERS),
                purpose,
                stated != null,
                grant == null ? null : grant.id(),
                outcome);
    }

    /** The caller's unexpired break-glass access to a case that their own scope would not show them. */
    private BreakGlass breakGlassOutsideScope(Caller caller, UUID caseId) {
        ViewScope ownScope = ViewScope.forList(caller);
        List<BreakGlass> grants = jdbc.query(
                """
                SELECT b.id, b.justification FROM break_glass_access b
                WHERE b.account = ? AND b.case_id = ? AND b.expires_at > now()
                  AND NOT EXISTS (SELECT 1 FROM case_view v WHERE v.case_id = b.case_id AND\s""" + ownScope.condition() + ") ORDER BY b.id DESC LIMIT 1",
                (rs, row) -> new BreakGlass(rs.getLong(1), rs.getString(2)),
                ownScope.argumentsAfter(caller.account(), caseId));
        return grants.isEmpty() ? null : grants.get(0);
    }

    private static String statedPurpose(HttpServletRequest request) {
        String purpose = request.getHeader(PURPOSE_HEADER);
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        if (purpose.length() > LONGEST_PURPOSE) {
            throw invalidPurpose("must state the purpose in at most " + LONGEST_PURPOSE + " characters");
        }
        return purpose.strip();
    }

    private static ErrorResponseException invalidPurpose(String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, PURPOSE_HEADER + ": " + rule);
        problem.setType(ProblemType.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", PURPOSE_HEADER, "message", rule)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
