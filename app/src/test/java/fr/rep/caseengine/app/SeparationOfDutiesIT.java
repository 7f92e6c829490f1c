package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.staff.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Separation of duties (docs/security.md): an administrator reads no case, so no administrator alone can make an
 * account that administers and reads cases, nor give themselves a role; every change to an account is in the account
 * trail, which auditors read and nobody changes.
 */
class SeparationOfDutiesIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    private CaseApi first;
    private CaseApi second;
    private CaseApi auditor;

    @BeforeEach
    void twoAdministratorsAndAnAuditor() {
        CaseApi.ensureAccount(accounts, "sod.admin.one", Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, "sod.admin.two", Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, "sod.auditor", Set.of(Role.AUDITOR), null);
        first = new CaseApi(http, "sod.admin.one");
        second = new CaseApi(http, "sod.admin.two");
        auditor = new CaseApi(http, "sod.auditor");
    }

    @Test
    void an_administrator_who_would_read_cases_waits_for_a_second_administrator_and_everything_is_in_the_trail() {
        String target = unique("sod.target");
        ResponseEntity<String> created = first.post("/api/accounts", """
                {"username": "%s", "displayName": "Cible", "roles": ["ADMINISTRATOR"]}""".formatted(target), Map.of());
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

        ResponseEntity<String> asked = first.post(
                "/api/accounts/" + target + "/role-requests",
                "{\"roles\": [\"ADMINISTRATOR\", \"AUDITOR\"]}",
                Map.of());
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(202);
        long request = json(asked).read("$.id", Long.class);
        assertThat(json(asked).read("$.status", String.class)).isEqualTo("PENDING");
        assertThat(roles(target)).containsExactly("ADMINISTRATOR");

        ResponseEntity<String> byTheSameAdministrator =
                first.post("/api/role-requests/" + request + "/approval", "{}", Map.of());
        assertThat(byTheSameAdministrator.getStatusCode().value()).isEqualTo(403);
        assertThat(byTheSameAdministrator.getBody()).contains("second-administrator-required");
        assertThat(roles(target)).containsExactly("ADMINISTRATOR");

        ResponseEntity<String> approved = second.post("/api/role-requests/" + request + "/approval", "{}", Map.of());
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        assertThat(roles(target)).containsExactlyInAnyOrder("ADMINISTRATOR", "AUDITOR");
        assertThat(second.post("/api/role-requests/" + request + "/approval", "{}", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        first.post("/api/accounts/" + target + "/disable", "{}", Map.of());
        DocumentContext trail = json(auditor.get("/api/account-trail?account=" + target));
        List<String> actions = trail.read("$[*].action");
        List<String> actors = trail.read("$[*].actor");
        assertThat(actions)
                .containsExactly(
                        "DISABLED", "ROLES_CHANGED", "ROLE_CHANGE_APPROVED", "ROLE_CHANGE_REQUESTED", "CREATED");
        assertThat(actors)
                .containsExactly("sod.admin.one", "sod.admin.two", "sod.admin.two", "sod.admin.one", "sod.admin.one");
        assertThat(trail.read("$[1].rolesBefore", List.class)).containsExactly("ADMINISTRATOR");
        assertThat(trail.read("$[1].rolesAfter", List.class)).containsExactlyInAnyOrder("ADMINISTRATOR", "AUDITOR");
    }

    @Test
    void an_administrator_cannot_give_themselves_a_role_nor_create_an_administrator_who_reads_cases_alone() {
        ResponseEntity<String> self = first.post(
                "/api/accounts/sod.admin.one/role-requests",
                "{\"roles\": [\"ADMINISTRATOR\", \"SERVICE_MANAGER\"]}",
                Map.of());
        assertThat(self.getStatusCode().value()).as(self.getBody()).isEqualTo(202);
        long request = json(self).read("$.id", Long.class);
        assertThat(roles("sod.admin.one")).containsExactly("ADMINISTRATOR");
        assertThat(first.post("/api/role-requests/" + request + "/refusal", "{}", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(roles("sod.admin.one")).containsExactly("ADMINISTRATOR");

        ResponseEntity<String> both = first.post("/api/accounts", """
                {"username": "%s", "displayName": "Les deux", "roles": ["ADMINISTRATOR", "CASEWORKER"],
                 "team": "PAS_DE_CALAIS"}""".formatted(unique("sod.both")), Map.of());
        assertThat(both.getStatusCode().value()).isEqualTo(409);
        assertThat(both.getBody()).contains("separation-of-duties");
    }

    @Test
    void a_change_that_gives_no_administrator_case_data_applies_at_once() {
        String worker = unique("sod.worker");
        first.post("/api/accounts", """
                {"username": "%s", "displayName": "Travailleur", "roles": ["CASEWORKER"], "team": "PAS_DE_CALAIS"}""".formatted(worker), Map.of());

        ResponseEntity<String> promoted = first.post(
                "/api/accounts/" + worker + "/role-requests",
                "{\"roles\": [\"TEAM_MANAGER\"], \"team\": \"PAS_DE_CALAIS\"}",
                Map.of());

        assertThat(promoted.getStatusCode().value()).as(promoted.getBody()).isEqualTo(200);
        assertThat(json(promoted).read("$.status", String.class)).isEqualTo("APPLIED");
        assertThat(roles(worker)).containsExactly("TEAM_MANAGER");
    }

    @Test
    void only_auditors_read_the_account_trail_and_only_administrators_the_role_requests() {
        assertThat(auditor.get("/api/account-trail").getStatusCode().value()).isEqualTo(200);
        assertThat(first.get("/api/account-trail").getStatusCode().value()).isEqualTo(403);
        assertThat(first.get("/api/role-requests?status=PENDING")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(auditor.get("/api/role-requests").getStatusCode().value()).isEqualTo(403);
    }

    private List<String> roles(String username) {
        return List.of((String[]) jdbc.queryForObject(
                "SELECT roles FROM account WHERE username = ?",
                (rs, row) -> rs.getArray(1).getArray(),
                username));
    }

    private static String unique(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime(), 36);
    }
}
