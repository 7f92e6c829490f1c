package fr.rep.caseengine.events.staff;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The account behind a request, read from its granted authorities ({@code ROLE_CASEWORKER}, {@code TEAM_PAS_DE_CALAIS}).
 *
 * @param account the account name, recorded as the actor of every event the request causes
 * @param roles   the roles the account holds
 * @param team    the account's team, or {@code null} for staff who belong to none (service manager, auditor...)
 */
public record Caller(String account, Set<Role> roles, Team team) {

    public static final String TEAM_AUTHORITY_PREFIX = "TEAM_";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller fromAuthorities(String account, Collection<String> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Team team = null;
        for (String authority : authorities) {
            if (authority.startsWith(Role.AUTHORITY_PREFIX)) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(authority)) {
                        roles.add(role);
                    }
                }
            } else if (authority.startsWith(TEAM_AUTHORITY_PREFIX)) {
                team = Team.valueOf(authority.substring(TEAM_AUTHORITY_PREFIX.length()));
            }
        }
        return new Caller(account, roles, team);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether the caller may suspend (and lift a suspension of) every visit in this prison: a team manager in their
     * team's prisons, the service manager in any; a prison outside both teams' territories is the service manager's.
     */
    public boolean maySuspendVisitsAt(Prison prison) {
        return has(Role.SERVICE_MANAGER) || has(Role.TEAM_MANAGER) && isIn(prison.team());
    }

    /** Whether the caller belongs to this team. */
    public boolean isIn(Team caseTeam) {
        return team != null && team == caseTeam;
    }
}
