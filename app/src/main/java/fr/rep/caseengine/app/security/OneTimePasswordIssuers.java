package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.staff.Role;
import java.util.List;

/**
 * Who may issue the one-time password of an account that waits for one (docs/security.md, "One-time passwords").
 * The administrator who created the account or forced its new password never may: whoever knows an account's first
 * password can sign in as it, and an administrator reads no case. The issuer must already hold what the account
 * will: for each of its roles, a team manager of its team (caseworker, team manager), an auditor, a service manager,
 * or another administrator. When no enabled account does — a team's first manager, the first auditor — another
 * administrator issues it; when the service has no other administrator yet (it is being set up), that administrator.
 */
final class OneTimePasswordIssuers {

    private OneTimePasswordIssuers() {}

    /** The accounts that may issue {@code account}'s one-time password, among {@code everyone}. */
    static List<Account> of(Account account, List<Account> everyone) {
        List<Account> covering =
                everyone.stream().filter(issuer -> covers(issuer, account)).toList();
        if (!covering.isEmpty()) {
            return covering;
        }
        List<Account> administrators = everyone.stream()
                .filter(issuer -> active(issuer, account) && issuer.roles().contains(Role.ADMINISTRATOR))
                .toList();
        List<Account> others = administrators.stream()
                .filter(issuer -> !issuer.username().equals(account.passwordWithheldBy()))
                .toList();
        return others.isEmpty() ? administrators : others;
    }

    static boolean mayIssue(String issuer, Account account, List<Account> everyone) {
        return of(account, everyone).stream()
                .anyMatch(candidate -> candidate.username().equals(issuer));
    }

    /** Whether {@code issuer} already holds, for each role of {@code account}, what that role gives. */
    private static boolean covers(Account issuer, Account account) {
        if (!active(issuer, account)) {
            return false;
        }
        return account.roles().stream().allMatch(role -> switch (role) {
            case CASEWORKER, TEAM_MANAGER ->
                issuer.roles().contains(Role.TEAM_MANAGER) && account.team() != null && account.team() == issuer.team();
            case AUDITOR -> issuer.roles().contains(Role.AUDITOR);
            case SERVICE_MANAGER -> issuer.roles().contains(Role.SERVICE_MANAGER);
            case ADMINISTRATOR ->
                issuer.roles().contains(Role.ADMINISTRATOR)
                        && !issuer.username().equals(account.passwordWithheldBy());
        });
    }

    private static boolean active(Account issuer, Account account) {
        return issuer.enabled()
                && !issuer.awaitsOneTimePassword()
                && !issuer.mustChangePassword()
                && !issuer.username().equals(account.username());
    }
}
