package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.problem.ProblemType;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts: administrators create and disable them; everyone reads their own and changes their password. */
@RestController
@Tag(name = "Accounts")
class AccountController {

    private static final Logger LOG = LoggerFactory.getLogger(AccountController.class);

    private final AccountStore accounts;
    private final SessionLifetime sessions;

    AccountController(AccountStore accounts, SessionLifetime sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** @param awaitsOneTimePassword whether it waits for someone to issue its one-time password (no sign-in yet) */
    record AccountView(
            String username,
            String displayName,
            Set<Role> roles,
            Team team,
            boolean enabled,
            boolean mustChangePassword,
            boolean awaitsOneTimePassword) {

        static AccountView of(Account account) {
            return new AccountView(
                    account.username(),
                    account.displayName(),
                    account.roles(),
                    account.team(),
                    account.enabled(),
                    account.mustChangePassword(),
                    account.awaitsOneTimePassword());
        }
    }

    record NewAccount(
            @NotBlank
            @Pattern(
                    regexp = "[a-z0-9._-]{2,100}",
                    message = "must be 2 to 100 lower-case letters, digits, '.', '_' or '-'")
            String username,

            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty Set<Role> roles,
            Team team) {}

    /**
     * @param oneTimePasswordIssuers who may issue its one-time password ({@code POST /api/one-time-passwords/{u}}):
     *                               never the administrator who created it
     */
    record CreatedAccount(AccountView account, List<String> oneTimePasswordIssuers) {}

    /** @param oneTimePasswordIssuers who may issue its new one-time password: never the administrator who asked */
    record PasswordReset(AccountView account, List<String> oneTimePasswordIssuers) {}

    record PasswordChange(
            @NotBlank String currentPassword,

            @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters")
            String newPassword) {}

    @GetMapping("/api/accounts")
    @Operation(summary = "Every account (administrators)")
    List<AccountView> all() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @PostMapping("/api/accounts")
    @Operation(
            summary = "Create an account (administrators); it waits for its one-time password, which someone "
                    + "else issues (POST /api/one-time-passwords/{username}; the answer names who may)")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = CreatedAccount.class)))
    @ApiResponse(
            responseCode = "409",
            description = "An account of that name exists (account-exists), or the roles "
                    + "would let an administrator read cases (separation-of-duties)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Object> create(@Valid @RequestBody NewAccount body, Caller caller) {
        if (needsTeamWithout(body.roles(), body.team())) {
            return invalid("team", TEAM_RULE);
        }
        if (RoleChangeController.administersAndReadsCases(body.roles())) {
            return problem(
                    HttpStatus.CONFLICT,
                    "separation-of-duties",
                    "An administrator reads no case: create the "
                            + "account with one of these, then ask for the other role at /api/accounts/{username}/role-requests, "
                            + "which a second administrator approves");
        }
        if (accounts.exists(body.username())) {
            return problem(HttpStatus.CONFLICT, "account-exists", "An account named " + body.username() + " exists");
        }
        accounts.createAwaitingOneTimePassword(
                body.username(), body.displayName(), body.roles(), body.team(), caller.account());
        LOG.info("Account '{}' created by '{}' with roles {}", body.username(), caller.account(), body.roles());
        Account created = accounts.find(body.username()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/accounts/" + body.username()))
                .body(new CreatedAccount(AccountView.of(created), issuers(created)));
    }

    @PostMapping("/api/accounts/{username}/password-reset")
    @Operation(
            summary = "Force a password change (administrators): the current password stops working, the "
                    + "account's sessions end, and it waits for a one-time password that someone else issues "
                    + "(POST /api/one-time-passwords/{username}; the answer names who may)")
    @ApiResponse(
            responseCode = "200",
            description = "The account and who may issue its one-time password",
            content = @Content(schema = @Schema(implementation = PasswordReset.class)))
    ResponseEntity<Object> forcePasswordChange(@PathVariable String username, Caller caller) {
        if (!accounts.exists(username)) {
            return problem(HttpStatus.NOT_FOUND, "unknown-account", "No account named " + username);
        }
        accounts.withholdPassword(username, caller.account());
        LOG.info("Account '{}' must change its password, by '{}'", LoggedText.escaped(username), caller.account());
        Account reset = accounts.find(username).orElseThrow();
        return ResponseEntity.ok(new PasswordReset(AccountView.of(reset), issuers(reset)));
    }

    @PostMapping("/api/accounts/{username}/disable")
    @Operation(summary = "Disable an account: it can no longer sign in and its sessions end (administrators)")
    @ApiResponse(responseCode = "204", description = "Disabled", content = @Content)
    ResponseEntity<Object> disable(@PathVariable String username, Caller caller) {
        if (!accounts.exists(username)) {
            return problem(HttpStatus.NOT_FOUND, "unknown-account", "No account named " + username);
        }
        accounts.disable(username, caller.account());
        LOG.info("Account '{}' disabled by '{}'", LoggedText.escaped(username), caller.account());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/account")
    @Operation(summary = "The signed-in account")
    AccountView me(Caller caller) {
        return AccountView.of(accounts.find(caller.account()).orElseThrow());
    }

    @PostMapping("/api/account/password")
    @Operation(
            summary = "Change one's own password (required after a one-time password); ends the account's other "
                    + "sessions")
    @ApiResponse(responseCode = "204", description = "Changed", content = @Content)
    ResponseEntity<Object> changePassword(
            @Valid @RequestBody PasswordChange body, Caller caller, HttpServletRequest request) {
        Account account = accounts.find(caller.account()).orElseThrow();
        if (!accounts.passwordMatches(account, body.currentPassword())) {
            return invalid("currentPassword", "does not match");
        }
        if (body.newPassword().equals(body.currentPassword())) {
            return invalid("newPassword", "must differ from the current one");
        }
        accounts.changePassword(account.username(), body.newPassword());
        sessions.keepAfterPasswordChange(request);
        LOG.info("Account '{}' changed its password", account.username());
        return ResponseEntity.noContent().build();
    }

    private List<String> issuers(Account account) {
        return OneTimePasswordIssuers.of(account, accounts.all()).stream()
                .map(Account::username)
                .toList();
    }

    static final String TEAM_RULE = "caseworkers and team managers need a team";

    /** Caseworkers and team managers work in a team: their scope is the team's cases. */
    static boolean needsTeamWithout(Set<Role> roles, Team team) {
        return (roles.contains(Role.CASEWORKER) || roles.contains(Role.TEAM_MANAGER)) && team == null;
    }

    /** A 400 naming the field and its rule, as every input error of the API does. */
    static ResponseEntity<Object> invalid(String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + rule);
        problem.setType(ProblemType.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", rule)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.of(type));
        return ResponseEntity.status(status).body(problem);
    }
}
