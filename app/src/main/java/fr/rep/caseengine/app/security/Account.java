package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A staff account as stored; the password hash never leaves this package.
 *
 * @param passwordWithheldBy the administrator who created the account or forced a new password, while it waits for
 *                           someone else to issue its one-time password ({@link OneTimePasswordIssuers}); else null
 */
record Account(
        String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        Team team,
        boolean enabled,
        boolean mustChangePassword,
        int sessionGeneration,
        String passwordWithheldBy) {

    /** Whether the account waits for its one-time password: it has none it could sign in with. */
    boolean awaitsOneTimePassword() {
        return passwordWithheldBy != null;
    }

    /** Granted while the one-time password is still in use: it only allows changing it. */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    List<String> authorities() {
        List<String> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(role.authority()));
        if (team != null) {
            authorities.add(Caller.TEAM_AUTHORITY_PREFIX + team.name());
        }
        if (mustChangePassword) {
            authorities.add(PASSWORD_CHANGE_REQUIRED);
        }
        return authorities;
    }
}
