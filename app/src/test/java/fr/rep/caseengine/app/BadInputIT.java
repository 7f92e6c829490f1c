package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input answers 400 with a problem naming the field and the rule, and changes nothing. */
class BadInputIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    CaseApi api;
    long eventsBefore;

    @BeforeEach
    void client() {
        api = CaseApi.caseworker(http, accounts);
        eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void malformed_json_gets_a_400_problem() {
        ResponseEntity<String> response = api.post("/api/cases", "{\"occurredAt\": ", Map.of());

        assertBadRequest(response);
        assertThat(json(response).read("$.detail", String.class)).startsWith("The body is not valid JSON");
    }

    @Test
    void an_empty_body_gets_a_400_problem() {
        assertBadRequest(api.post("/api/cases", "", Map.of()));
    }

    @Test
    void a_value_outside_an_enumeration_names_the_field_and_the_allowed_values() {
        String body = CaseApi.newFamily().replace("\"SOMME_AISNE_OISE\"", "\"PICARDIE\"");

        ResponseEntity<String> response = api.post("/api/cases", body, Map.of());

        assertThat(fieldErrors(response))
                .containsExactly(
                        Map.of("field", "team", "message", "must be one of [SOMME_AISNE_OISE, PAS_DE_CALAIS]"));
    }

    @Test
    void a_malformed_date_names_the_nested_field() {
        String body = CaseApi.newFamily().replace("\"2020-01-15\"", "\"15/01/2020\"");

        ResponseEntity<String> response = api.post("/api/cases", body, Map.of());

        assertThat(fieldErrors(response))
                .containsExactly(
                        Map.of("field", "children[1].birthDate", "message", "is not a valid date, such as 2016-04-02"));
    }

    @Test
    void an_unknown_field_is_refused_rather_than_silently_dropped() {
        String body = CaseApi.newFamily().replace("\"channel\": \"PHONE\",", "\"channel\": \"PHONE\", \"chanel\": 1,");

        assertThat(fieldErrors(api.post("/api/cases", body, Map.of())))
                .containsExactly(Map.of("field", "chanel", "message", "is not a field of this request"));
    }

    @Test
    void missing_and_invalid_fields_are_all_listed() {
        String body = CaseApi.newFamily()
                .replace("\"firstName\": \"Lucas\"", "\"firstName\": \"\"")
                .replace("\"department\": \"80\"", "\"department\": \"99\"");

        List<Map<String, String>> errors = fieldErrors(api.post("/api/cases", body, Map.of()));

        assertThat(errors)
                .extracting(error -> error.get("field"))
                .containsExactly("children[0].department", "children[0].person.firstName", "children[1].department");
    }

    @Test
    void a_child_pointing_at_no_holder_of_authority_is_refused() {
        String body = CaseApi.newFamily()
                .replace(
                        "\"parentalAuthority\": \"mother\", \"person\": {\"firstName\": \"Emma\"",
                        "\"parentalAuthority\": \"aunt\", \"person\": {\"firstName\": \"Emma\"");

        assertThat(fieldErrors(api.post("/api/cases", body, Map.of())))
                .extracting(error -> error.get("field"))
                .containsExactly("children[1].parentalAuthority");
    }

    @Test
    void a_fact_dated_in_the_future_is_refused() {
        String body = CaseApi.newFamily()
                .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + CaseApi.daysAgo(-3) + "\"");

        assertThat(fieldErrors(api.post("/api/cases", body, Map.of())))
                .extracting(error -> error.get("field"))
                .containsExactly("occurredAt");
    }

    @Test
    void an_anonymous_command_gets_401_and_changes_nothing() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(
                "/api/cases", HttpMethod.POST, new HttpEntity<>(CaseApi.newFamily(), headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }

    @ParameterizedTest
    @CsvSource({"If-Match, version-three", "Idempotency-Key, 'has spaces'", "X-Correlation-Id, a/b"})
    void a_malformed_header_names_the_header(String header, String value) {
        String caseId = api.openCase().read("$.caseId");
        eventsBefore++;

        ResponseEntity<String> response = api.post(
                "/api/cases/" + caseId + "/closure",
                "{\"occurredAt\": \"%s\", \"reason\": \"PARENT_RELEASED\"}".formatted(CaseApi.daysAgo(1)),
                Map.of(header, value));

        assertThat(fieldErrors(response))
                .extracting(error -> error.get("field"))
                .containsExactly(header);
    }

    @Test
    void a_closure_without_a_reason_is_refused() {
        String caseId = api.openCase().read("$.caseId");
        eventsBefore++;

        ResponseEntity<String> response = api.post(
                "/api/cases/" + caseId + "/closure",
                "{\"occurredAt\": \"%s\"}".formatted(CaseApi.daysAgo(1)),
                Map.of());

        assertThat(fieldErrors(response)).containsExactly(Map.of("field", "reason", "message", "must not be null"));
    }

    @Test
    void a_malformed_case_id_in_the_path_is_a_400() {
        assertThat(fieldErrors(api.get("/api/cases/not-a-uuid")))
                .extracting(error -> error.get("field"))
                .containsExactly("caseId");
        assertThat(fieldErrors(api.post("/api/cases/not-a-uuid/consents", "{}", Map.of())))
                .extracting(error -> error.get("field"))
                .containsExactly("caseId");
    }

    @Test
    void bad_list_parameters_name_the_parameter() {
        assertThat(fieldErrors(api.get("/api/cases?stage=ARCHIVED")))
                .extracting(error -> error.get("field"))
                .containsExactly("stage");
        assertThat(fieldErrors(api.get("/api/cases?size=5000")))
                .extracting(error -> error.get("field"))
                .containsExactly("size");
    }

    private List<Map<String, String>> fieldErrors(ResponseEntity<String> response) {
        assertBadRequest(response);
        DocumentContext problem = json(response);
        return problem.read("$.errors");
    }

    private void assertBadRequest(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at fr.rep");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }
}
