package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.problem.ProblemType;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Role changes under separation of duties. An administrator sees no case data (docs/security.md): a change that would
 * let an administrator account read cases — ADMINISTRATOR together with a role that reads them — and any role an
 * administrator gives themselves wait for a second administrator's approval. Every step is in the account trail.
 */
@RestController
@Tag(name = "Accounts")
class RoleChangeController {

    private static final Logger LOG = LoggerFactory.getLogger(RoleChangeController.class);
    /** The roles that read cases, or figures drawn from them (docs/security.md, "Roles"). */
    static final Set<Role> READ_CASES =
            EnumSet.of(Role.CASEWORKER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.AUDITOR);

    private final AccountStore accounts;
    private final AccountTrail trail;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RoleChangeController(
            AccountStore accounts,
            AccountTrail trail,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.trail = trail;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @param roles the account's whole set of roles after the change; @param team its team (caseworkers, managers) */
    record RoleChange(@NotEmpty Set<Role> roles, Team team) {}

    /** A role change request: {@code APPLIED} at once, or {@code PENDING} until a second administrator decides. */
    record RoleRequestView(
            Long id,
            String account,
            Set<Role> roles,
            Team team,
            String requestedBy,
            Instant requestedAt,
            String status,
            String decidedBy,
            Instant decidedAt) {}

    /** Whether an account holding {@code roles} would both administer and read cases. */
    static boolean administersAndReadsCases(Set<Role> roles) {
        return roles.contains(Role.ADMINISTRATOR) && roles.stream().anyMatch(READ_CASES::contains);
    }

    @PostMapping("/api/accounts/{username}/role-requests")
    @Operation(
            summary = "Change an account's roles (administrators): applied at once (200), or, when it would give an "
                    + "administrator a role that reads cases or gives the caller a new role, pending a second "
                    + "administrator's approval (202)")
    @ApiResponse(
            responseCode = "200",
            description = "Applied",
            content = @Content(schema = @Schema(implementation = RoleRequestView.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Waiting for a second administrator; Location names the request",
            content = @Content(schema = @Schema(implementation = RoleRequestView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Nothing to change (nothing-to-change), or a request for this "
                    + "account is pending already (role-request-pending)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Object> request(@PathVariable String username, @Valid @RequestBody RoleChange body, Caller caller) {
        Optional<Account> found = accounts.find(username);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown-account", "No account named " + username);
        }
        Account account = found.get();
        if (AccountController.needsTeamWithout(body.roles(), body.team())) {
            return AccountController.invalid("team", AccountController.TEAM_RULE);
        }
        boolean inATeam = body.roles().contains(Role.CASEWORKER) || body.roles().contains(Role.TEAM_MANAGER);
        Team team = inATeam ? body.team() : null;
        if (account.roles().equals(body.roles()) && java.util.Objects.equals(account.team(), team)) {
            return problem(HttpStatus.CONFLICT, "nothing-to-change", username + " already has these roles");
        }
        boolean adds = !account.roles().containsAll(body.roles());
        boolean needsSecond = adds && (administersAndReadsCases(body.roles()) || username.equals(caller.account()));
        if (!needsSecond) {
            transaction.executeWithoutResult(
                    status -> accounts.changeRoles(account, body.roles(), team, caller.account(), null));
            LOG.info("Roles of '{}' changed by '{}' to {}", username, caller.account(), body.roles());
            return ResponseEntity.ok(new RoleRequestView(
                    null, username, body.roles(), team, caller.account(), clock.instant(), "APPLIED", null, null));
        }
        if (pending(username).isPresent()) {
            return problem(
                    HttpStatus.CONFLICT,
                    "role-request-pending",
                    "A role change of " + username + " already waits for a decision");
        }
        Instant now = clock.instant();
        Long id = transaction.execute(status -> {
            Long created = jdbc.queryForObject(
                    """
                    INSERT INTO role_change_request (account, roles, team, requested_by, requested_at, status)
                    VALUES (?, ?::varchar[], ?, ?, ?, 'PENDING') RETURNING id""",
                    Long.class,
                    username,
                    AccountTrail.array(body.roles()),
                    team == null ? null : team.name(),
                    caller.account(),
                    Timestamp.from(now));
            trail.record(
                    caller.account(),
                    username,
                    AccountTrail.Action.ROLE_CHANGE_REQUESTED,
                    account.roles(),
                    body.roles(),
                    team,
                    created);
            return created;
        });
        LOG.info(
                "Role change {} of '{}' to {} requested by '{}': waits for a second administrator",
                id,
                username,
                body.roles(),
                caller.account());
        return ResponseEntity.accepted()
                .location(URI.create("/api/role-requests/" + id))
                .body(find(id).orElseThrow());
    }

    @GetMapping("/api/role-requests")
    @Operation(summary = "Role change requests, newest first; ?status=PENDING for those waiting (administrators)")
    @ApiResponse(
            responseCode = "200",
            description = "The requests",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RoleRequestView.class))))
    ResponseEntity<Object> requests(@RequestParam(required = false) String status) {
        if (status != null && !Set.of("PENDING", "APPROVED", "REFUSED").contains(status)) {
            return AccountController.invalid("status", "must be PENDING, APPROVED or REFUSED");
        }
        return ResponseEntity.ok(
                status == null
                        ? jdbc.query(
                                "SELECT * FROM role_change_request ORDER BY id DESC LIMIT 200",
                                RoleChangeController::view)
                        : jdbc.query(
                                "SELECT * FROM role_change_request WHERE status = ? ORDER BY id DESC LIMIT 200",
                                RoleChangeController::view,
                                status));
    }

    @PostMapping("/api/role-requests/{requestId}/approval")
    @Operation(
            summary = "Approve a pending role change: by an administrator other than the one who asked and than "
                    + "the account changed; the roles apply at once (administrators)")
    @ApiResponse(
            responseCode = "200",
            description = "Approved, applied",
            content = @Content(schema = @Schema(implementation = RoleRequestView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Decided already (role-request-decided)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Object> approve(@PathVariable("requestId") long id, Caller caller) {
        return decide(id, caller, true);
    }

    @PostMapping("/api/role-requests/{requestId}/refusal")
    @Operation(summary = "Refuse (or, for the one who asked, withdraw) a pending role change (administrators)")
    @ApiResponse(
            responseCode = "200",
            description = "Refused",
            content = @Content(schema = @Schema(implementation = RoleRequestView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Decided already (role-request-decided)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Object> refuse(@PathVariable("requestId") long id, Caller caller) {
        return decide(id, caller, false);
    }

    private ResponseEntity<Object> decide(long id, Caller caller, boolean approve) {
        Optional<RoleRequestView> found = find(id);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown-role-request", "No role change request " + id);
        }
        RoleRequestView request = found.get();
        if (!"PENDING".equals(request.status())) {
            return problem(
                    HttpStatus.CONFLICT,
                    "role-request-decided",
                    "Role change request " + id + " was " + request.status().toLowerCase() + " already");
        }
        if (approve
                && (caller.account().equals(request.requestedBy())
                        || caller.account().equals(request.account()))) {
            return problem(
                    HttpStatus.FORBIDDEN,
                    "second-administrator-required",
                    "A role change is approved by an "
                            + "administrator other than the one who asked for it and than the account it changes");
        }
        Boolean decided = transaction.execute(status -> {
            int updated = jdbc.update(
                    """
                    UPDATE role_change_request SET status = ?, decided_by = ?, decided_at = ?
                    WHERE id = ? AND status = 'PENDING'""", approve ? "APPROVED" : "REFUSED", caller.account(), Timestamp.from(clock.instant()), id);
            if (updated == 0) {
                return false;
            }
            Account account = accounts.find(request.account()).orElseThrow();
            trail.record(
                    caller.account(),
                    request.account(),
                    approve ? AccountTrail.Action.ROLE_CHANGE_APPROVED : AccountTrail.Action.ROLE_CHANGE_REFUSED,
                    account.roles(),
                    request.roles(),
                    request.team(),
                    id);
            if (approve) {
                accounts.changeRoles(account, request.roles(), request.team(), caller.account(), id);
            }
            return true;
        });
        if (!Boolean.TRUE.equals(decided)) {
            return problem(
                    HttpStatus.CONFLICT,
                    "role-request-decided",
                    "Role change request " + id + " was decided meanwhile");
        }
        LOG.info(
                "Role change {} of '{}' {} by '{}'",
                id,
                request.account(),
                approve ? "approved" : "refused",
                caller.account());
        return ResponseEntity.ok(find(id).orElseThrow());
    }

    private Optional<RoleRequestView> pending(String account) {
        return jdbc
                .query(
                        "SELECT * FROM role_change_request WHERE account = ? AND status = 'PENDING'",
                        RoleChangeController::view,
                        account)
                .stream()
                .findFirst();
    }

    private Optional<RoleRequestView> find(long id) {
        return jdbc.query("SELECT * FROM role_change_request WHERE id = ?", RoleChangeController::view, id).stream()
                .findFirst();
    }

    private static RoleRequestView view(ResultSet rs, int row) throws SQLException {
        String team = rs.getString("team");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new RoleRequestView(
                rs.getLong("id"),
                rs.getString("account"),
                AccountTrail.roles(rs.getArray("roles")),
                team == null ? null : Team.valueOf(team),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("status"),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.of(type));
        return ResponseEntity.status(status).body(problem);
    }
}
