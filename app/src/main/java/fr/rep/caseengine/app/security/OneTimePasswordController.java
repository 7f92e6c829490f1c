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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-time passwords handed over by someone other than the administrator who asked for them
 * ({@link OneTimePasswordIssuers}): the accounts waiting for one that the caller may issue, and the issuing itself.
 */
@RestController
@Tag(name = "Accounts")
class OneTimePasswordController {

    private static final Logger LOG = LoggerFactory.getLogger(OneTimePasswordController.class);

    private final AccountStore accounts;

    OneTimePasswordController(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** An account waiting for its one-time password, and who made it wait. */
    record AwaitingAccount(String username, String displayName, Set<Role> roles, Team team, String withheldBy) {

        static AwaitingAccount of(Account account) {
            return new AwaitingAccount(
                    account.username(),
                    account.displayName(),
                    account.roles(),
                    account.team(),
                    account.passwordWithheldBy());
        }
    }

    /** The one-time password, shown once to its issuer, to hand to the account's holder. */
    record IssuedPassword(String username, String oneTimePassword, Instant issuedAt) {}

    @GetMapping("/api/one-time-passwords")
    @Operation(summary = "The accounts waiting for a one-time password that the caller may issue")
    List<AwaitingAccount> awaiting(Caller caller) {
        List<Account> everyone = accounts.all();
        return accounts.awaitingOneTimePassword().stream()
                .filter(account -> OneTimePasswordIssuers.mayIssue(caller.account(), account, everyone))
                .map(AwaitingAccount::of)
                .toList();
    }

    @PostMapping("/api/one-time-passwords/{username}")
    @Operation(
            summary = "Issue the one-time password of an account that waits for it; it is in this answer only, "
                    + "to be changed at the account's first sign-in (never the administrator who created the account or "
                    + "forced the change: see docs/security.md, One-time passwords)")
    @ApiResponse(
            responseCode = "200",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = IssuedPassword.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not issue it (one-time-password-issuer)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "404",
            description = "No such account (unknown-account)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "409",
            description = "The account does not wait for one (no-password-awaited)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Object> issue(@PathVariable String username, Caller caller) {
        Optional<Account> found = accounts.find(username);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown-account", "No account named " + LoggedText.escaped(username));
        }
        Account account = found.get();
        if (!account.awaitsOneTimePassword() || !account.enabled()) {
            return problem(
                    HttpStatus.CONFLICT, "no-password-awaited", username + " does not wait for a one-time password");
        }
        List<Account> everyone = accounts.all();
        if (!OneTimePasswordIssuers.mayIssue(caller.account(), account, everyone)) {
            return problem(
                    HttpStatus.FORBIDDEN,
                    "one-time-password-issuer",
                    "Only someone who already holds what "
                            + username + " will hold, and not the administrator who asked for it, issues its one-time "
                            + "password: " + names(account, everyone));
        }
        Optional<String> password = accounts.issueOneTimePassword(username, caller.account());
        if (password.isEmpty()) {
            return problem(HttpStatus.CONFLICT, "no-password-awaited", "Another issuer was first for " + username);
        }
        LOG.info("One-time password of '{}' issued by '{}'", username, caller.account());
        return ResponseEntity.ok(new IssuedPassword(username, password.get(), accounts.now()));
    }

    private static String names(Account account, List<Account> everyone) {
        List<String> names = OneTimePasswordIssuers.of(account, everyone).stream()
                .map(Account::username)
                .toList();
        return names.isEmpty() ? "nobody can now" : String.join(", ", names);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.of(type));
        return ResponseEntity.status(status).body(problem);
    }
}
