package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One-time passwords (docs/security.md): the administrator who creates an account or forces a new password never sees
 * it, since whoever knows it can sign in as the account; someone who already holds the account's rights issues it,
 * and the account trail says who.
 */
class OneTimePasswordHandoverIT extends EmbeddedDatabaseTest {

    private static final Team TEAM = Team.PAS_DE_CALAIS;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    private CaseApi administrator;
    private CaseApi otherAdministrator;
    private CaseApi manager;
    private CaseApi otherTeamsManager;
    private CaseApi auditor;

    @BeforeEach
    void staff() {
        CaseApi.ensureAccount(accounts, "otp.admin.one", Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, "otp.admin.two", Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, "otp.manager", Set.of(Role.TEAM_MANAGER), TEAM);
        CaseApi.ensureAccount(accounts, "otp.other.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "otp.auditor", Set.of(Role.AUDITOR), null);
        administrator = new CaseApi(http, "otp.admin.one");
        otherAdministrator = new CaseApi(http, "otp.admin.two");
        manager = new CaseApi(http, "otp.manager");
        otherTeamsManager = new CaseApi(http, "otp.other.manager");
        auditor = new CaseApi(http, "otp.auditor");
    }

    @Test
    void the_administrator_who_creates_a_caseworker_never_sees_its_password_and_the_teams_manager_issues_it() {
        String worker = unique("otp.worker");
        ResponseEntity<String> created = administrator.post("/api/accounts", """
                {"username": "%s", "displayName": "Intervenante", "roles": ["CASEWORKER"], "team": "PAS_DE_CALAIS"}""".formatted(worker), Map.of());

        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        Map<String, Object> answer = json(created).read("$");
        assertThat(answer).containsOnlyKeys("account", "oneTimePasswordIssuers");
        assertThat(json(created).read("$.account.awaitsOneTimePassword", Boolean.class))
                .isTrue();
        List<String> issuers = json(created).read("$.oneTimePasswordIssuers");
        assertThat(issuers).contains("otp.manager").doesNotContain("otp.admin.one", "otp.other.manager");

        assertRefused(administrator.post("/api/one-time-passwords/" + worker, "{}", Map.of()));
        assertRefused(otherTeamsManager.post("/api/one-time-passwords/" + worker, "{}", Map.of()));
        assertThat(names(otherTeamsManager.get("/api/one-time-passwords"))).doesNotContain(worker);
        assertThat(names(manager.get("/api/one-time-passwords"))).contains(worker);

        ResponseEntity<String> issued = manager.post("/api/one-time-passwords/" + worker, "{}", Map.of());
        assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(200);
        String oneTimePassword = json(issued).read("$.oneTimePassword");
        ResponseEntity<String> again = manager.post("/api/one-time-passwords/" + worker, "{}", Map.of());
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("no-password-awaited");
        assertThat(names(manager.get("/api/one-time-passwords"))).doesNotContain(worker);

        assertThat(changeOwnPassword(worker, oneTimePassword).getStatusCode().value())
                .isEqualTo(204);

        DocumentContext trail = json(auditor.get("/api/account-trail?account=" + worker));
        assertThat(trail.read("$[*].action", List.class))
                .containsExactly("PASSWORD_CHANGED", "ONE_TIME_PASSWORD_ISSUED", "CREATED");
        assertThat(trail.read("$[*].actor", List.class)).containsExactly(worker, "otp.manager", "otp.admin.one");
    }

    @Test
    void a_forced_password_change_stops_the_old_password_and_someone_else_issues_the_new_one() {
        String worker = unique("otp.known");
        CaseApi.ensureAccount(accounts, worker, Set.of(Role.CASEWORKER), TEAM);
        assertThat(new CaseApi(http, worker).get("/api/account").getStatusCode().value())
                .isEqualTo(200);

        ResponseEntity<String> reset =
                administrator.post("/api/accounts/" + worker + "/password-reset", "{}", Map.of());

        assertThat(reset.getStatusCode().value()).as(reset.getBody()).isEqualTo(200);
        assertThat(json(reset).read("$", Map.class)).containsOnlyKeys("account", "oneTimePasswordIssuers");
        assertThat(new CaseApi(http, worker).get("/api/account").getStatusCode().value())
                .isEqualTo(401);
        assertRefused(administrator.post("/api/one-time-passwords/" + worker, "{}", Map.of()));
        String oneTimePassword = json(manager.post("/api/one-time-passwords/" + worker, "{}", Map.of()))
                .read("$.oneTimePassword");
        assertThat(changeOwnPassword(worker, oneTimePassword).getStatusCode().value())
                .isEqualTo(204);
    }

    @Test
    void an_administrators_new_administrator_gets_its_password_from_another_administrator() {
        String puppet = unique("otp.second.admin");
        ResponseEntity<String> created = administrator.post("/api/accounts", """
                {"username": "%s", "displayName": "Autre administrateur", "roles": ["ADMINISTRATOR"]}""".formatted(puppet), Map.of());
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).read("$.oneTimePasswordIssuers", List.class))
                .contains("otp.admin.two")
                .doesNotContain("otp.admin.one");

        assertRefused(administrator.post("/api/one-time-passwords/" + puppet, "{}", Map.of()));
        assertRefused(manager.post("/api/one-time-passwords/" + puppet, "{}", Map.of()));
        assertThat(otherAdministrator
                        .post("/api/one-time-passwords/" + puppet, "{}", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void caseworkers_issue_no_password_and_an_unknown_account_is_not_found() {
        CaseApi.ensureAccount(accounts, "otp.caseworker", Set.of(Role.CASEWORKER), TEAM);
        assertThat(new CaseApi(http, "otp.caseworker")
                        .get("/api/one-time-passwords")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(manager.post("/api/one-time-passwords/otp.nobody", "{}", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(manager.post("/api/one-time-passwords/otp.manager", "{}", Map.of())
                        .getStatusCode()
                        .value())
                .as("an account that waits for nothing")
                .isEqualTo(409);
    }

    private static void assertRefused(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
        assertThat(answer.getBody()).contains("one-time-password-issuer").doesNotContain("oneTimePassword\"");
    }

    private static List<String> names(ResponseEntity<String> awaiting) {
        assertThat(awaiting.getStatusCode().value()).as(awaiting.getBody()).isEqualTo(200);
        return json(awaiting).read("$[*].username");
    }

    private ResponseEntity<String> changeOwnPassword(String username, String oneTimePassword) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(username, oneTimePassword)
                .postForEntity(
                        "/api/account/password",
                        new HttpEntity<>(
                                "{\"currentPassword\": \"%s\", \"newPassword\": \"a-long-and-private-passphrase\"}"
                                        .formatted(oneTimePassword),
                                headers),
                        String.class);
    }

    private static String unique(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime(), 36);
    }
}
