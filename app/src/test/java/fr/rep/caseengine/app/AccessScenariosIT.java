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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Assignment, break-glass, and an actor that only sign-in can name. */
class AccessScenariosIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    CaseApi claire;
    CaseApi paul;
    CaseApi sophie;
    CaseApi alice;

    @BeforeEach
    void staff() {
        claire = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, "paul.pdc", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        CaseApi.ensureAccount(accounts, "sophie.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "alice.audit", Set.of(Role.AUDITOR), null);
        paul = new CaseApi(http, "paul.pdc");
        sophie = new CaseApi(http, "sophie.manager");
        alice = new CaseApi(http, "alice.audit");
    }

    @Test
    void a_case_assigned_to_a_caseworker_of_another_team_becomes_theirs_to_see_and_act_on() {
        DocumentContext opened = claire.openCase();
        String caseId = opened.read("$.caseId");
        String consent = "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                .formatted(CaseApi.daysAgo(1), opened.read("$.detainedParent"));
        assertThat(paul.post("/api/cases/" + caseId + "/consents", consent, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        ResponseEntity<String> assigned = sophie.post(
                "/api/cases/" + caseId + "/assignment",
                "{\"occurredAt\": \"%s\", \"caseworker\": \"paul.pdc\"}".formatted(CaseApi.daysAgo(1)),
                Map.of());

        assertThat(assigned.getStatusCode().value()).isEqualTo(200);
        assertThat(paul.post("/api/cases/" + caseId + "/consents", consent, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        DocumentContext view = json(paul.get("/api/cases/" + caseId + "?minVersion=2"));
        assertThat(view.read("$.assignedTo", String.class)).isEqualTo("paul.pdc");
        assertThat(json(paul.get("/api/cases?size=200")).read("$.items[*].caseId", List.class))
                .contains(caseId);
        assertThat(json(paul.get("/api/cases/" + caseId + "/history")).read("$.events[*].actor", List.class))
                .containsExactly(CaseApi.CASEWORKER, "sophie.manager", "paul.pdc");
    }

    @Test
    void a_case_cannot_be_assigned_to_an_account_that_is_not_a_caseworker() {
        String caseId = claire.openCase().read("$.caseId");

        ResponseEntity<String> assigned = sophie.post(
                "/api/cases/" + caseId + "/assignment",
                "{\"occurredAt\": \"%s\", \"caseworker\": \"alice.audit\"}".formatted(CaseApi.daysAgo(1)),
                Map.of());

        assertThat(assigned.getStatusCode().value()).isEqualTo(400);
        assertThat(json(assigned).read("$.errors[0].field", String.class)).isEqualTo("caseworker");
    }

    @Test
    void break_glass_opens_an_out_of_scope_case_for_reading_and_is_listed_to_auditors() {
        String caseId = claire.openCase().read("$.caseId");
        claire.get("/api/cases/" + caseId + "?minVersion=0");
        assertThat(paul.get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> tooShort =
                paul.post("/api/cases/" + caseId + "/break-glass", "{\"justification\": \"urgent\"}", Map.of());
        assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> granted = paul.post(
                "/api/cases/" + caseId + "/break-glass",
                "{\"justification\": \"The judge's office called about a hearing tomorrow; Claire is away.\"}",
                Map.of());

        assertThat(granted.getStatusCode().value()).isEqualTo(201);
        assertThat(paul.get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(200);
        assertThat(paul.get("/api/cases/" + caseId + "/history").getStatusCode().value())
                .isEqualTo(200);
        assertThat(json(paul.get("/api/cases?size=200")).read("$.items[*].caseId", List.class))
                .as("break-glass opens one case, it does not widen the list")
                .doesNotContain(caseId);
        assertThat(paul.post(
                                "/api/cases/" + caseId + "/consents",
                                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                                        .formatted(
                                                CaseApi.daysAgo(1),
                                                json(paul.get("/api/cases/" + caseId))
                                                        .read("$.adults[0].subjectId")),
                                Map.of())
                        .getStatusCode()
                        .value())
                .as("break-glass reads, it does not act")
                .isEqualTo(404);
        DocumentContext trail = json(alice.get("/api/break-glass-accesses?caseId=" + caseId));
        assertThat(trail.read("$[*].account", List.class)).containsExactly("paul.pdc");
        assertThat(trail.read("$[0].justification", String.class)).startsWith("The judge's office called");
        assertThat(json(alice.get("/api/break-glass-accesses")).read("$[*].caseId", List.class))
                .contains(caseId);
    }

    @Test
    void the_break_glass_record_cannot_be_altered_or_deleted() {
        String caseId = claire.openCase().read("$.caseId");
        claire.get("/api/cases/" + caseId + "?minVersion=0");
        paul.post(
                "/api/cases/" + caseId + "/break-glass",
                "{\"justification\": \"Checking a phone number for tomorrow's visit.\"}",
                Map.of());

        // The app's role has no such privilege; the trigger refuses even the table's owner.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> jdbc.update("DELETE FROM break_glass_access WHERE case_id = ?::uuid", caseId)))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update(
                        "UPDATE break_glass_access SET justification = 'x' WHERE case_id = ?::uuid", caseId)))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> owner().update("DELETE FROM break_glass_access WHERE case_id = ?::uuid", caseId)))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> owner().update(
                                "UPDATE break_glass_access SET justification = 'x' WHERE case_id = ?::uuid", caseId)))
                .hasMessageContaining("append-only");
    }

    @Test
    void the_recorded_actor_is_the_signed_in_account_whatever_the_request_claims() {
        String caseId = claire.openCase().read("$.caseId");
        String father =
                json(claire.get("/api/cases/" + caseId + "?minVersion=0")).read("$.adults[0].subjectId");

        ResponseEntity<String> spoofedHeader = claire.post(
                "/api/cases/" + caseId + "/consents",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(CaseApi.daysAgo(1), father),
                Map.of("X-Actor", "someone.else", "X-Forwarded-User", "someone.else", "X-Remote-User", "someone.else"));
        ResponseEntity<String> spoofedBody = claire.post(
                "/api/cases/" + caseId + "/consent-withdrawals",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\", \"actor\": \"someone.else\"}"
                        .formatted(CaseApi.daysAgo(1), father),
                Map.of());

        assertThat(spoofedHeader.getStatusCode().value()).isEqualTo(200);
        assertThat(spoofedBody.getStatusCode().value())
                .as("an actor field is refused, not taken")
                .isEqualTo(400);
        List<String> actors = jdbc.queryForList("""
                SELECT convert_from(meta_data, 'UTF8')::json ->> 'actor' FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, caseId);
        assertThat(actors).containsExactly(CaseApi.CASEWORKER, CaseApi.CASEWORKER);
    }

    @Test
    void a_caseworker_opens_cases_for_their_own_team_only() {
        ResponseEntity<String> response = claire.post("/api/cases", SecurityMatrixIT.pasDeCalaisFamily(), Map.of());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(json(response).read("$.detail", String.class)).contains("own team");
    }
}
