package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.daysAgo;
import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class FamilyCaseApiIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    CaseApi api;

    @BeforeEach
    void client() {
        api = CaseApi.caseworker(http, accounts);
    }

    @Test
    void a_new_case_answers_201_with_its_location_and_becomes_visible_in_the_views() {
        ResponseEntity<String> created = api.post("/api/cases", CaseApi.newFamily(), Map.of());

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String caseId = json(created).read("$.caseId");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");

        ResponseEntity<String> detail = api.get("/api/cases/" + caseId + "?minVersion=0");
        assertThat(detail.getStatusCode().value()).isEqualTo(200);
        DocumentContext view = json(detail);
        assertThat(view.read("$.stage", String.class)).isEqualTo("RECEPTION");
        assertThat(view.read("$.team", String.class)).isEqualTo("SOMME_AISNE_OISE");
        assertThat(view.read("$.children[*].name", List.class)).containsExactly("Lucas Dupont", "Emma Dupont");
        assertThat(view.read("$.adults[0].role", String.class)).isEqualTo("DETAINED_PARENT");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(json(api.get("/api/cases?team=SOMME_AISNE_OISE&stage=RECEPTION&size=200"))
                                        .read("$.items[*].caseId", List.class))
                                .contains(caseId));
        assertThat(json(api.get("/api/cases?team=PAS_DE_CALAIS&size=200")).read("$.items[*].caseId", List.class))
                .doesNotContain(caseId);
    }

    @Test
    void acceptance_consents_then_a_visit_move_the_case_to_closed_setting_and_each_answer_gives_the_new_version() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        String father = opened.read("$.detainedParent");
        String mother = opened.read("$.parties.mother");
        String lucas = opened.read("$.children[0]");
        assertThat(api.acceptWithPermit(caseId, CaseApi.CASEWORKER)).isEqualTo(2L);

        ResponseEntity<String> first = consent(caseId, father, Map.of());
        ResponseEntity<String> second = consent(caseId, mother, Map.of());
        ResponseEntity<String> visit =
                api.post("/api/cases/" + caseId + "/visits", """
                {"occurredAt": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM", "kilometres": 0}""".formatted(daysAgo(1), lucas), Map.of());

        assertThat(List.of(first, second, visit))
                .extracting(r -> r.getStatusCode().value())
                .containsExactly(200, 200, 200);
        assertThat(List.of(first, second, visit))
                .extracting(r -> r.getHeaders().getETag())
                .containsExactly("\"3\"", "\"4\"", "\"5\"");
        DocumentContext view = json(api.get("/api/cases/" + caseId + "?minVersion=5"));
        assertThat(view.read("$.version", Long.class)).isEqualTo(5L);
        assertThat(view.read("$.stage", String.class)).isEqualTo("CLOSED_SETTING");
        assertThat(view.read("$.visitCount", Integer.class)).isEqualTo(1);
        assertThat(view.read("$.adults[*].consent.given", List.class)).containsExactly(true, true);
    }

    @Test
    void the_history_lists_every_event_with_actor_times_and_a_summary() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        consent(caseId, opened.read("$.detainedParent"), Map.of("X-Correlation-Id", "trace-42"));

        DocumentContext history = json(api.get("/api/cases/" + caseId + "/history?minVersion=1"));

        assertThat(history.read("$.events[*].type", List.class)).containsExactly("RequestReceived", "ConsentRecorded");
        assertThat(history.read("$.events[*].actor", List.class)).containsOnly(CaseApi.CASEWORKER);
        assertThat(history.read("$.events[1].traceId", String.class)).isEqualTo("trace-42");
        assertThat(history.read("$.events[1].summary", String.class))
                .isEqualTo("Consent recorded from the detained parent " + opened.read("$.detainedParent") + ".");
        assertThat(history.read("$.events[0].summary", String.class))
                .startsWith("Request received by phone from the free parent: 2 children")
                .doesNotContain("Dupont");
        assertThat(history.read("$.events[0].occurredAt", String.class))
                .isNotEqualTo(history.read("$.events[0].recordedAt", String.class));
    }

    @Test
    void a_stored_idempotent_answer_holds_ids_only_so_erasure_leaves_nothing_personal_in_it() {
        ResponseEntity<String> opened =
                api.post("/api/cases", CaseApi.newFamily(), Map.of("Idempotency-Key", "open-dupont-family-stored"));
        assertThat(opened.getStatusCode().value()).isEqualTo(201);

        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT * FROM idempotent_request WHERE idempotency_key = ?", "open-dupont-family-stored");

        // The request's names never reach the table: the answer is ids and a version, the request only a digest.
        assertThat(stored.values().stream().map(String::valueOf))
                .noneMatch(value -> value.contains("Dupont") || value.contains("Marc"));
        assertThat(com.jayway.jsonpath.JsonPath.parse(String.valueOf(stored.get("response_body")))
                        .read("$.caseId", String.class))
                .isEqualTo(json(opened).read("$.caseId", String.class));
    }

    @Test
    void a_command_sent_again_with_the_same_idempotency_key_returns_the_first_answer_and_appends_nothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "open-dupont-family-1");
        String family = CaseApi.newFamily();
        ResponseEntity<String> first = api.post("/api/cases", family, key);
        String caseId = json(first).read("$.caseId");
        long eventsAfterFirst = eventCount();

        ResponseEntity<String> again = api.post("/api/cases", family, key);

        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getLocation())
                .isEqualTo(first.getHeaders().getLocation());
        assertThat(eventCount()).isEqualTo(eventsAfterFirst);

        Map<String, String> consentKey = Map.of("Idempotency-Key", "consent-" + caseId);
        String consent = "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                .formatted(daysAgo(2), json(first).read("$.detainedParent"));
        String path = "/api/cases/" + caseId + "/consents";
        assertThat(api.post(path, consent, consentKey).getHeaders().getETag()).isEqualTo("\"1\"");
        ResponseEntity<String> consentAgain = api.post(path, consent, consentKey);
        assertThat(consentAgain.getStatusCode().value()).isEqualTo(200);
        assertThat(consentAgain.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(eventsOf(caseId)).isEqualTo(2);
    }

    @Test
    void a_command_answer_names_the_event_it_recorded_and_a_correction_of_it_is_linked_in_the_history() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        assertThat(opened.read("$.events[*].type", List.class)).containsExactly("RequestReceived");
        assertThat(opened.read("$.events[0].sequence", Long.class)).isZero();
        api.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        String interview = """
                {"occurredAt": "%s", "kind": "INTERMEDIATE", "participants": ["DETAINED_PARENT"],
                 "place": "IN_DETENTION"}""".formatted(daysAgo(1));
        Map<String, String> key = Map.of("Idempotency-Key", "interview-" + caseId);

        ResponseEntity<String> recorded = api.post("/api/cases/" + caseId + "/interviews", interview, key);

        assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(200);
        assertThat(recorded.getHeaders().getETag()).isEqualTo("\"3\"");
        DocumentContext answer = json(recorded);
        assertThat(answer.read("$.version", Long.class)).isEqualTo(3L);
        assertThat(answer.read("$.events[*].type", List.class)).containsExactly("InterviewHeld");
        assertThat(answer.read("$.events[0].sequence", Long.class)).isEqualTo(3L);
        String interviewId = answer.read("$.events[0].eventId");

        ResponseEntity<String> again = api.post("/api/cases/" + caseId + "/interviews", interview, key);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(json(again).read("$.events[0].eventId", String.class)).isEqualTo(interviewId);
        assertThat(again.getBody()).isEqualTo(recorded.getBody());
        assertThat(eventsOf(caseId)).isEqualTo(4);

        ResponseEntity<String> corrected =
                api.post("/api/cases/" + caseId + "/corrections", """
                {"occurredAt": "%s", "correctedEventId": "%s", "reason": "DUPLICATE"}""".formatted(daysAgo(0), interviewId), Map.of());

        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        assertThat(json(corrected).read("$.events[*].type", List.class)).containsExactly("EntryCorrected");
        assertThat(json(corrected).read("$.events[0].sequence", Long.class)).isEqualTo(4L);
        String correctionId = json(corrected).read("$.events[0].eventId");
        DocumentContext history = json(api.get("/api/cases/" + caseId + "/history?minVersion=4"));
        assertThat(history.read("$.events[3].eventId", String.class)).isEqualTo(interviewId);
        assertThat(history.read("$.events[3].correctedBy", String.class)).isEqualTo(correctionId);
        assertThat(history.read("$.events[4].corrects", String.class)).isEqualTo(interviewId);
    }

    @Test
    void an_idempotency_key_reused_for_another_request_is_refused_with_422() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        Map<String, String> key = Map.of("Idempotency-Key", "reused-" + caseId);
        consent(caseId, opened.read("$.detainedParent"), key);

        ResponseEntity<String> other = consent(caseId, opened.read("$.parties.mother"), key);

        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(eventsOf(caseId)).isEqualTo(2);
    }

    @Test
    void a_stale_if_match_gets_409_and_appends_nothing() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        assertThat(consent(caseId, opened.read("$.detainedParent"), Map.of("If-Match", "\"0\""))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        ResponseEntity<String> stale = consent(caseId, opened.read("$.parties.mother"), Map.of("If-Match", "\"0\""));

        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(stale).read("$.detail", String.class))
                .contains("changed since version 0")
                .contains("now at version 1");
        assertThat(eventsOf(caseId)).isEqualTo(2);
        assertThat(consent(caseId, opened.read("$.parties.mother"), Map.of("If-Match", "\"1\""))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void a_broken_rule_gets_409_naming_the_rule() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        api.acceptWithPermit(caseId, CaseApi.CASEWORKER);

        ResponseEntity<String> visit = api.post(
                "/api/cases/" + caseId + "/visits", """
                {"occurredAt": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM", "kilometres": 0}""".formatted(daysAgo(1), opened.read("$.children[0]")), Map.of());

        assertThat(visit.getStatusCode().value()).isEqualTo(409);
        assertThat(json(visit).read("$.rule", String.class)).isEqualTo("consents-required-for-visit");
        assertThat(json(visit).read("$.detail", String.class))
                .startsWith("A visit needs the current consent of the detained parent");
    }

    @Test
    void a_baby_living_with_the_detained_mother_in_prison_has_her_as_holder_of_parental_authority_and_no_other_child() {
        String babyWithMother = com.jayway.jsonpath.JsonPath.parse(CaseApi.newFamily())
                .put("$.detainedParent", "ref", "mum")
                .set("$.children[1].housing", "WITH_MOTHER_IN_PRISON")
                .set("$.children[1].parentalAuthority", "mum")
                .jsonString();

        ResponseEntity<String> opened = api.post("/api/cases", babyWithMother, Map.of());

        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        String caseId = json(opened).read("$.caseId");
        String detainedMother = json(opened).read("$.detainedParent");
        String baby = json(opened).read("$.children[1]");
        await().ignoreExceptions()
                .untilAsserted(() -> assertThat(json(api.get("/api/cases/" + caseId + "?minVersion=0"))
                                .read("$.children[?(@.subjectId == '" + baby + "')].parentalAuthority", List.class))
                        .containsExactly(detainedMother));

        ResponseEntity<String> notInPrison =
                api.post("/api/cases", babyWithMother.replace("WITH_MOTHER_IN_PRISON", "WITH_FREE_PARENT"), Map.of());
        assertThat(notInPrison.getStatusCode().value()).isEqualTo(400);
        assertThat(notInPrison.getBody())
                .contains("children[1].parentalAuthority", "only for a baby living with her in prison");
    }

    @Test
    void a_closed_case_refuses_further_commands() {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        ResponseEntity<String> closed = api.post(
                "/api/cases/" + caseId + "/closure",
                "{\"occurredAt\": \"%s\", \"reason\": \"REQUEST_IMPOSSIBLE\"}".formatted(daysAgo(1)),
                Map.of());
        assertThat(closed.getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> after = consent(caseId, opened.read("$.detainedParent"), Map.of());

        assertThat(after.getStatusCode().value()).isEqualTo(409);
        assertThat(json(after).read("$.rule", String.class)).isEqualTo("closed-case-accepts-nothing");
        assertThat(json(api.get("/api/cases/" + caseId + "?minVersion=1")).read("$.stage", String.class))
                .isEqualTo("CLOSED");
    }

    @Test
    void an_unknown_case_gets_404_on_commands_and_views() {
        String unknown = "/api/cases/5b1f4c56-0000-4000-8000-000000000000";

        ResponseEntity<String> command =
                consent("5b1f4c56-0000-4000-8000-000000000000", "6c1f4c56-0000-4000-8000-000000000000", Map.of());

        assertThat(command.getStatusCode().value()).isEqualTo(404);
        assertThat(command.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get(unknown).getStatusCode().value()).isEqualTo(404);
        assertThat(api.get(unknown + "/history").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void asking_for_a_version_the_views_never_reach_answers_503_after_waiting() {
        String caseId = api.openCase().read("$.caseId");

        ResponseEntity<String> behind = api.get("/api/cases/" + caseId + "?minVersion=99");

        assertThat(behind.getStatusCode().value()).isEqualTo(503);
        assertThat(behind.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    private ResponseEntity<String> consent(String caseId, String party, Map<String, String> headers) {
        return api.post(
                "/api/cases/" + caseId + "/consents",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(daysAgo(2), party),
                headers);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long eventsOf(String caseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId);
    }
}
