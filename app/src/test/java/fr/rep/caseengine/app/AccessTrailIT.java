package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read of a case's data leaves a row in the append-only access trail, which only auditors list. */
class AccessTrailIT extends EmbeddedDatabaseTest {

    static final String AUDITOR = "alice.audit";
    static final String OTHER_TEAM = "paul.pdc";
    static final String PURPOSE = "X-Access-Purpose";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    CaseApi claire;
    String caseId;

    @BeforeEach
    void aCase() {
        claire = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
        CaseApi.ensureAccount(accounts, OTHER_TEAM, Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        caseId = claire.openCase().read("$.caseId");
        assertThat(claire.get("/api/cases/" + caseId + "?minVersion=0")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void each_read_is_recorded_with_account_roles_what_parameters_and_purpose() {
        read(CaseApi.CASEWORKER, "/api/cases/" + caseId, Map.of(PURPOSE, "preparing Tuesday's visit"));
        read(CaseApi.CASEWORKER, "/api/cases/" + caseId + "/history?kind=RequestReceived", Map.of());
        read(CaseApi.CASEWORKER, "/api/cases/" + caseId + "/history.json", Map.of());
        read(AUDITOR, "/api/cases/" + caseId + "/history.pdf", Map.of(PURPOSE, "annual control 2026"));
        read(AUDITOR, "/api/cases/" + caseId + "/as-of?instant=" + Instant.now(), Map.of());

        DocumentContext trail = json(new CaseApi(http, AUDITOR).get("/api/cases/" + caseId + "/accesses"));

        // Newest first; the reads made in aCase() come last.
        assertThat(trail.read("$.items[0:5].what", List.class))
                .containsExactly("AS_OF", "HISTORY_EXPORT_PDF", "HISTORY_EXPORT_JSON", "HISTORY", "DETAIL");
        assertThat(trail.read("$.items[0:5].account", List.class))
                .containsExactly(AUDITOR, AUDITOR, CaseApi.CASEWORKER, CaseApi.CASEWORKER, CaseApi.CASEWORKER);
        assertThat(trail.read("$.items[0:5].purpose", List.class))
                .containsExactly("audit", "annual control 2026", "case work", "case work", "preparing Tuesday's visit");
        assertThat(trail.read("$.items[0:5].purposeStated", List.class))
                .containsExactly(false, true, false, false, true);
        assertThat(trail.read("$.items[3].parameters", String.class)).isEqualTo("kind=RequestReceived");
        assertThat(trail.read("$.items[4].roles", List.class)).containsExactly("CASEWORKER");
        assertThat(trail.read("$.items[0:5].outcome", List.class)).containsOnly("SHOWN");
        assertThat(trail.read("$.items[*].caseId", List.class)).containsOnly(caseId);
    }

    @Test
    void a_read_out_of_scope_is_recorded_as_not_found_and_a_read_through_break_glass_names_its_grant() {
        CaseApi paul = new CaseApi(http, OTHER_TEAM);
        assertThat(paul.get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> grant = paul.post(
                "/api/cases/" + caseId + "/break-glass",
                "{\"justification\": \"the child was placed in our department this morning\"}",
                Map.of());
        assertThat(grant.getStatusCode().value()).isEqualTo(201);
        assertThat(paul.get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(200);

        DocumentContext trail =
                json(new CaseApi(http, AUDITOR).get("/api/accesses?account=" + OTHER_TEAM + "&caseId=" + caseId));

        assertThat(trail.read("$.items[*].outcome", List.class)).containsExactly("SHOWN", "NOT_FOUND");
        assertThat(trail.read("$.items[0].breakGlassId", Long.class))
                .isEqualTo(json(grant).read("$.id", Long.class));
        assertThat(trail.read("$.items[0].purpose", String.class))
                .isEqualTo("break-glass: the child was placed in our department this morning");
        assertThat(trail.read("$.items[1].breakGlassId", Long.class)).isNull();
    }

    @Test
    void a_min_version_probe_of_a_case_out_of_scope_is_recorded_like_any_other_read() {
        CaseApi paul = new CaseApi(http, OTHER_TEAM);

        // Out of his scope the case looks like one not yet projected: the probe waits, then answers 503.
        assertThat(paul.get("/api/cases/" + caseId + "?minVersion=0")
                        .getStatusCode()
                        .value())
                .isEqualTo(503);
        assertThat(paul.get("/api/cases/" + caseId + "/history?minVersion=0")
                        .getStatusCode()
                        .value())
                .isEqualTo(503);

        DocumentContext trail =
                json(new CaseApi(http, AUDITOR).get("/api/accesses?account=" + OTHER_TEAM + "&caseId=" + caseId));
        // The test's HTTP client retries a 503 once by itself: each probe may be recorded twice, as it was read twice.
        assertThat(trail.read("$.items[*].what", List.class))
                .contains("HISTORY", "DETAIL")
                .containsOnly("HISTORY", "DETAIL");
        assertThat(trail.read("$.items[*].outcome", List.class)).containsOnly("VIEW_BEHIND");
        assertThat(trail.read("$.items[*].parameters", List.class)).containsOnly("minVersion=0");
    }

    @Test
    void a_purpose_longer_than_allowed_is_refused_before_anything_is_read() {
        ResponseEntity<byte[]> answer =
                AuditStory.get(http, CaseApi.CASEWORKER, "/api/cases/" + caseId, Map.of(PURPOSE, "x".repeat(501)));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        DocumentContext problem = JsonPath.parse(new String(answer.getBody(), StandardCharsets.UTF_8));
        assertThat(problem.read("$.errors[0].field", String.class)).isEqualTo(PURPOSE);
        assertThat(trailRows()).isEqualTo(1);
    }

    @Test
    void a_purpose_is_read_as_utf8_and_one_with_a_control_character_is_refused_before_anything_is_read() {
        RawHttp raw = new RawHttp(port);
        String basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((CaseApi.CASEWORKER + ":" + CaseApi.PASSWORD).getBytes(StandardCharsets.UTF_8));

        RawHttp.Answer french = raw.send(
                "GET",
                "/api/cases/" + caseId,
                List.of(
                        RawHttp.Header.of("Authorization", basic),
                        RawHttp.Header.of(PURPOSE, "Convocation du juge des enfants, très urgent")),
                null);
        RawHttp.Answer nul = raw.send(
                "GET",
                "/api/cases/" + caseId,
                List.of(
                        RawHttp.Header.of("Authorization", basic),
                        new RawHttp.Header(PURPOSE, "a\u0000b".getBytes(StandardCharsets.UTF_8))),
                null);
        RawHttp.Answer c1 = raw.send(
                "GET",
                "/api/cases/" + caseId,
                List.of(RawHttp.Header.of("Authorization", basic), RawHttp.Header.of(PURPOSE, "escape \u009b[2J")),
                null);

        assertThat(french.status()).isEqualTo(200);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(c1.status()).isEqualTo(400);
        assertThat(JsonPath.parse(c1.body()).read("$.errors[0].field", String.class))
                .isEqualTo(PURPOSE);
        assertThat(trailRows()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT purpose FROM case_access_trail WHERE case_id = ? ORDER BY id DESC " + "LIMIT 1",
                        String.class,
                        java.util.UUID.fromString(caseId)))
                .isEqualTo("Convocation du juge des enfants, très urgent");
    }

    @Test
    void the_trail_refuses_updates_and_deletions_and_only_auditors_list_it() {
        // The app's role has no such privilege; the trigger refuses even the tables' owner.
        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE case_access_trail SET purpose = 'nothing' WHERE case_id = ?",
                        java.util.UUID.fromString(caseId)))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update(
                        "DELETE FROM case_access_trail WHERE case_id = ?", java.util.UUID.fromString(caseId)))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> owner().update(
                                "UPDATE case_access_trail SET purpose = 'nothing' WHERE case_id = ?",
                                java.util.UUID.fromString(caseId)))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner().update(
                                "DELETE FROM case_access_trail WHERE case_id = ?", java.util.UUID.fromString(caseId)))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(trailRows()).isEqualTo(1);

        assertThat(claire.get("/api/cases/" + caseId + "/accesses")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(claire.get("/api/accesses").getStatusCode().value()).isEqualTo(403);
    }

    private void read(String account, String path, Map<String, String> headers) {
        assertThat(AuditStory.get(http, account, path, headers).getStatusCode().value())
                .as(path)
                .isEqualTo(200);
    }

    private long trailRows() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM case_access_trail WHERE case_id = ?",
                Long.class,
                java.util.UUID.fromString(caseId));
    }
}
