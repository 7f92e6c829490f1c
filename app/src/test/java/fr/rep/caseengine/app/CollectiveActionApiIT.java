package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.daysAgo;
import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collective actions through the API, with parents of cases opened through the API: a talking group's whole cycle,
 * the rules that refuse a 5th session and a 9th member, and what the stored events carry for the annual report.
 */
class CollectiveActionApiIT extends EmbeddedDatabaseTest {

    private static final List<String> THEMES = List.of(
            "BEING_A_FATHER_IN_DETENTION",
            "PARENTAL_AND_MARITAL_COUPLE",
            "CHILD_NEEDS_AND_DEVELOPMENT",
            "PARENTS_RIGHTS_AND_DUTIES");

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper mapper = new ObjectMapper();
    CaseApi api;

    @BeforeEach
    void client() {
        api = CaseApi.caseworker(http, accounts);
    }

    @Test
    void a_talking_group_of_eight_parents_holds_its_four_sessions_and_refuses_a_ninth_member_and_a_fifth_session()
            throws IOException {
        List<DocumentContext> families =
                IntStream.range(0, 9).mapToObj(i -> api.openCase()).toList();
        List<String> cases =
                families.stream().map(family -> family.<String>read("$.caseId")).toList();

        ResponseEntity<String> formed =
                api.post("/api/talking-groups", """
                {"occurredAt": "%s", "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS", "members": %s}""".formatted(daysAgo(6), jsonList(cases.subList(0, 8))), Map.of());

        assertThat(formed.getStatusCode().value()).as(formed.getBody()).isEqualTo(201);
        String group = json(formed).read("$.talkingGroupId");
        assertThat(formed.getHeaders().getLocation()).hasToString("/api/talking-groups/" + group);
        assertThat(formed.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(json(formed).read("$.themes", List.class)).isEqualTo(THEMES);

        ResponseEntity<String> ninth = api.post(
                "/api/talking-groups/" + group + "/members",
                "{\"occurredAt\": \"%s\", \"caseId\": \"%s\"}".formatted(daysAgo(6), cases.get(8)),
                Map.of());

        assertRuleBroken(ninth, "talking-group-at-most-eight", "A talking group has at most 8 members");

        List<ResponseEntity<String>> sessions = new ArrayList<>();
        for (int number = 1; number <= 4; number++) {
            List<String> present = cases.subList(number - 1, 8);
            sessions.add(session(group, 6 - number, THEMES.get(number - 1), present));
        }
        assertThat(sessions).extracting(r -> r.getStatusCode().value()).containsExactly(200, 200, 200, 200);
        assertThat(sessions)
                .extracting(r -> r.getHeaders().getETag())
                .containsExactly("\"1\"", "\"2\"", "\"3\"", "\"4\"");

        ResponseEntity<String> fifth = session(group, 1, THEMES.get(0), cases.subList(0, 8));

        assertRuleBroken(fifth, "cycle-of-four-sessions", "A talking group's cycle has exactly 4 sessions");

        List<Map<String, Object>> stored = storedEventsOf(group);
        assertThat(stored)
                .extracting(row -> row.get("payload_type"))
                .containsExactly(
                        "fr.rep.caseengine.events.collectiveaction.TalkingGroupFormed",
                        "fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld",
                        "fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld",
                        "fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld",
                        "fr.rep.caseengine.events.collectiveaction.TalkingGroupSessionHeld");
        for (Map<String, Object> row : stored) {
            JsonNode metadata = mapper.readTree((byte[]) row.get("meta_data"));
            assertThat(metadata.get("actor").asText()).isEqualTo(CaseApi.CASEWORKER);
            assertThat(metadata.get("traceId").asText()).isNotBlank();
            JsonNode payload = mapper.readTree((byte[]) row.get("payload"));
            assertThat(payload.get("team").asText()).isEqualTo("SOMME_AISNE_OISE");
            assertThat(payload.get("prison").asText()).isEqualTo("MA_AMIENS");
            assertThat(payload.toString()).doesNotContain("Dupont").doesNotContain("Marc");
        }
        JsonNode lastSession = mapper.readTree((byte[]) stored.get(4).get("payload"));
        assertThat(lastSession.get("session").asInt()).isEqualTo(4);
        assertThat(lastSession.get("theme").asText()).isEqualTo("PARENTS_RIGHTS_AND_DUTIES");
        assertThat(lastSession.get("participants").findValuesAsText("caseId")).isEqualTo(cases.subList(3, 8));
        assertThat(lastSession.get("participants").findValuesAsText("parent"))
                .isEqualTo(families.subList(3, 8).stream()
                        .map(family -> family.<String>read("$.detainedParent"))
                        .toList());
    }

    @Test
    void a_snack_is_recorded_with_its_team_prison_date_and_each_parent_linked_to_their_case() throws IOException {
        DocumentContext family = api.openCase();
        String occurredAt = daysAgo(2);

        ResponseEntity<String> snack = api.post(
                "/api/collective-actions",
                """
                {"occurredAt": "%s", "kind": "SNACK", "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS",
                 "participants": ["%s"]}""".formatted(occurredAt, family.read("$.caseId")),
                Map.of("X-Correlation-Id", "snack-trace-1"));

        assertThat(snack.getStatusCode().value()).as(snack.getBody()).isEqualTo(201);
        String id = json(snack).read("$.collectiveActionId");
        assertThat(snack.getHeaders().getLocation()).hasToString("/api/collective-actions/" + id);
        Map<String, Object> row = storedEventsOf(id).get(0);
        JsonNode payload = mapper.readTree((byte[]) row.get("payload"));
        assertThat(payload.get("kind").asText()).isEqualTo("SNACK");
        assertThat(payload.get("team").asText()).isEqualTo("SOMME_AISNE_OISE");
        assertThat(payload.get("prison").asText()).isEqualTo("MA_AMIENS");
        assertThat(payload.get("occurredAt").asText())
                .isEqualTo(OffsetDateTime.parse(occurredAt).toInstant().toString());
        assertThat(payload.get("participants").get(0).get("caseId").asText()).isEqualTo(family.read("$.caseId"));
        assertThat(payload.get("participants").get(0).get("parent").asText())
                .isEqualTo(family.read("$.detainedParent"));
        JsonNode metadata = mapper.readTree((byte[]) row.get("meta_data"));
        assertThat(metadata.get("actor").asText()).isEqualTo(CaseApi.CASEWORKER);
        assertThat(metadata.get("traceId").asText()).isEqualTo("snack-trace-1");
    }

    @Test
    void a_parent_whose_case_is_out_of_the_caller_s_reach_cannot_be_listed() {
        CaseApi.ensureAccount(accounts, "paul.collective", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        String otherTeamsCase = api.openCase().read("$.caseId");

        ResponseEntity<String> workshop = new CaseApi(http, "paul.collective")
                .post("/api/collective-actions", """
                {"occurredAt": "%s", "kind": "CRAFT_WORKSHOP", "team": "PAS_DE_CALAIS", "prison": "CD_BAPAUME",
                 "participants": ["%s"]}""".formatted(daysAgo(1), otherTeamsCase), Map.of());

        assertThat(workshop.getStatusCode().value()).isEqualTo(404);
        assertThat(json(workshop).read("$.title", String.class)).isEqualTo("Unknown case");
    }

    @Test
    void a_session_dated_in_the_future_is_refused_with_400_and_records_nothing() {
        String caseId = api.openCase().read("$.caseId");
        String group = json(api.post("/api/talking-groups", """
                {"occurredAt": "%s", "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS", "members": ["%s"]}""".formatted(daysAgo(3), caseId), Map.of()))
                .read("$.talkingGroupId");

        ResponseEntity<String> future = session(group, -1, THEMES.get(0), List.of(caseId));

        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(json(future).read("$.errors[0].field", String.class)).isEqualTo("occurredAt");
        assertThat(storedEventsOf(group)).hasSize(1);
    }

    @Test
    void an_unknown_talking_group_answers_404() {
        String caseId = api.openCase().read("$.caseId");

        ResponseEntity<String> unknown = session(caseId, 1, THEMES.get(0), List.of(caseId));

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json(unknown).read("$.title", String.class)).isEqualTo("Unknown talking group");
    }

    private ResponseEntity<String> session(String group, int daysAgo, String theme, List<String> present) {
        return api.post(
                "/api/talking-groups/" + group + "/sessions",
                "{\"occurredAt\": \"%s\", \"theme\": \"%s\", \"participants\": %s}"
                        .formatted(daysAgo(daysAgo), theme, jsonList(present)),
                Map.of());
    }

    private static void assertRuleBroken(ResponseEntity<String> response, String rule, String statement) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response).read("$.rule", String.class)).isEqualTo(rule);
        assertThat(json(response).read("$.detail", String.class)).startsWith(statement);
    }

    private List<Map<String, Object>> storedEventsOf(String aggregateId) {
        return jdbc.queryForList("""
                SELECT payload_type, payload, meta_data FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", aggregateId);
    }

    private static String jsonList(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString();
    }
}
