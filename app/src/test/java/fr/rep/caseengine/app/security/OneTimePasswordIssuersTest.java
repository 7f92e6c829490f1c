package fr.rep.caseengine.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may issue a waiting account's one-time password, including a service being set up (docs/security.md). */
class OneTimePasswordIssuersTest {

    private static final Account ADMIN = account("admin", Set.of(Role.ADMINISTRATOR), null, null);
    private static final Account OTHER_ADMIN = account("other.admin", Set.of(Role.ADMINISTRATOR), null, null);

    @Test
    void a_teams_manager_issues_a_caseworkers_password_and_nobody_else_when_one_exists() {
        Account worker = account("worker", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS, "admin");
        Account manager = account("manager", Set.of(Role.TEAM_MANAGER), Team.PAS_DE_CALAIS, null);
        Account elsewhere = account("elsewhere", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE, null);
        Account serviceManager = account("marc", Set.of(Role.SERVICE_MANAGER), null, null);

        assertThat(names(worker, ADMIN, OTHER_ADMIN, manager, elsewhere, serviceManager))
                .containsExactly("manager");
    }

    @Test
    void an_auditor_or_a_service_manager_gets_it_from_someone_with_the_same_role() {
        Account auditor = account("new.auditor", Set.of(Role.AUDITOR), null, "admin");
        Account alice = account("alice", Set.of(Role.AUDITOR), null, null);
        Account marc = account("marc", Set.of(Role.SERVICE_MANAGER), null, null);

        assertThat(names(auditor, ADMIN, OTHER_ADMIN, alice, marc)).containsExactly("alice");
        assertThat(names(account("new.head", Set.of(Role.SERVICE_MANAGER), null, "admin"), ADMIN, alice, marc))
                .containsExactly("marc");
    }

    @Test
    void when_nobody_holds_the_roles_another_administrator_issues_it_and_while_setting_up_the_only_one() {
        Account firstManager = account("first.manager", Set.of(Role.TEAM_MANAGER), Team.PAS_DE_CALAIS, "admin");
        Account disabledManager = new Account(
                "gone", "Gone", "{bcrypt}x", Set.of(Role.TEAM_MANAGER), Team.PAS_DE_CALAIS, false, false, 0, null);

        assertThat(names(firstManager, ADMIN, OTHER_ADMIN, disabledManager)).containsExactly("other.admin");
        assertThat(names(firstManager, ADMIN, disabledManager))
                .as("a service being set up")
                .containsExactly("admin");
    }

    @Test
    void a_new_administrator_never_gets_it_from_the_administrator_who_created_it() {
        Account puppet = account("puppet", Set.of(Role.ADMINISTRATOR), null, "admin");

        assertThat(names(puppet, ADMIN, OTHER_ADMIN)).containsExactly("other.admin");
        Account waitingAdmin = account("waiting.admin", Set.of(Role.ADMINISTRATOR), null, "other.admin");
        assertThat(names(puppet, ADMIN, waitingAdmin))
                .as("one who waits for their own password issues nothing")
                .containsExactly("admin");
    }

    private static List<String> names(Account account, Account... everyone) {
        List<Account> all = new java.util.ArrayList<>(List.of(everyone));
        all.add(account);
        return OneTimePasswordIssuers.of(account, all).stream()
                .map(Account::username)
                .toList();
    }

    private static Account account(String username, Set<Role> roles, Team team, String withheldBy) {
        return new Account(
                username,
                username,
                withheldBy == null ? "{bcrypt}x" : null,
                roles,
                team,
                true,
                withheldBy != null,
                0,
                withheldBy);
    }
}
