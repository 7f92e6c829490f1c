package fr.rep.caseengine.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.familycase.CaseRule;
import fr.rep.caseengine.events.staff.Role;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The served description, read as a client's tooling reads it: valid OpenAPI, and what a linter's recommended rules
 * ask of it (Redocly's: security defined on every operation, an operationId, summary and declared tag on each, a 2xx
 * and a 4xx answer, path parameters declared, licence and contact, no example server) checked here, since the build
 * runs no Node. Each error answer is a problem, and the 409 of case commands lists exactly the case rules' codes.
 */
class ApiDescriptionIT extends EmbeddedDatabaseTest {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    JsonNode api;
    String served;

    @BeforeEach
    void theServedDescription() throws Exception {
        CaseApi.ensureAccount(accounts, "api.reader", Set.of(Role.AUDITOR), null);
        ResponseEntity<String> answer = new CaseApi(http, "api.reader").get("/v3/api-docs");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        served = answer.getBody();
        api = new ObjectMapper().readTree(served);
    }

    @Test
    void the_description_is_valid_openapi_with_a_version_licence_contact_and_no_example_server() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served);

        assertThat(parsed.getMessages()).as("what a parser finds invalid").isEmpty();
        assertThat(api.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(api.at("/info/license/name").asText()).isNotBlank();
        assertThat(api.at("/info/contact/name").asText()).isNotBlank();
        assertThat(api.at("/servers")).isNotEmpty();
        api.at("/servers")
                .forEach(server -> assertThat(server.get("url").asText()).doesNotContain("example.com"));
        assertThat(api.at("/components/securitySchemes").has(ApiDescription.BASIC))
                .isTrue();
        assertThat(api.at("/components/securitySchemes").has(ApiDescription.SESSION))
                .isTrue();
    }

    @Test
    void every_operation_has_an_id_a_summary_a_declared_tag_security_and_answers_success_and_problems() {
        Set<String> declaredTags = new HashSet<>();
        api.at("/tags").forEach(tag -> {
            assertThat(tag.path("description").asText())
                    .as("tag " + tag.get("name"))
                    .isNotBlank();
            declaredTags.add(tag.get("name").asText());
        });
        Set<String> schemes = new HashSet<>();
        api.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
        Set<String> operationIds = new HashSet<>();
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.at("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext(); ) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                if (!VERBS.contains(verb.getKey())) {
                    continue;
                }
                operations++;
                String name = verb.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = verb.getValue();
                String id = operation.path("operationId").asText();
                if (id.isBlank() || !id.matches("[A-Za-z0-9_-]+") || !operationIds.add(id)) {
                    faults.add(name + ": operationId '" + id + "' missing, not URL-safe or not unique");
                }
                if (operation.path("summary").asText().isBlank()) {
                    faults.add(name + ": no summary");
                }
                if (operation.path("tags").isEmpty()) {
                    faults.add(name + ": no tag");
                }
                operation.path("tags").forEach(tag -> {
                    if (!declaredTags.contains(tag.asText())) {
                        faults.add(name + ": tag " + tag + " not declared");
                    }
                });
                if (operation.path("security").isEmpty()) {
                    faults.add(name + ": no security");
                }
                operation
                        .path("security")
                        .forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> {
                            if (!schemes.contains(scheme)) {
                                faults.add(name + ": security scheme " + scheme + " not defined");
                            }
                        }));
                List<String> statuses = new ArrayList<>();
                operation.path("responses").fieldNames().forEachRemaining(statuses::add);
                if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                    faults.add(name + ": no 2xx answer");
                }
                if (!statuses.containsAll(List.of("400", "401", "403", "503"))) {
                    faults.add(name + ": answers " + statuses + ", not 400, 401, 403 and 503");
                }
                operation.path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]\\d\\d")
                            && !response.getValue().at("/content").has(ApiDescription.PROBLEM_JSON)) {
                        faults.add(name + ": " + response.getKey() + " is not described as a problem");
                    }
                });
                Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (parameter.find()) {
                    String parameterName = parameter.group(1);
                    boolean declared = false;
                    for (JsonNode declaredParameter : operation.path("parameters")) {
                        declared |= "path".equals(declaredParameter.path("in").asText())
                                && parameterName.equals(
                                        declaredParameter.path("name").asText());
                    }
                    if (!declared) {
                        faults.add(name + ": path parameter " + parameterName + " not declared");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(50);
        assertThat(faults).isEmpty();
    }

    @Test
    void commands_describe_their_headers_their_success_and_the_rule_codes_of_their_refusals() {
        JsonNode open = api.at("/paths/~1api~1cases/post");
        JsonNode consent = api.at("/paths/~1api~1cases~1{caseId}~1consents/post");
        List<String> ruleCodes = new ArrayList<>();
        api.at("/components/schemas/CaseRuleProblem/properties/rule/enum")
                .forEach(code -> ruleCodes.add(code.asText()));

        assertThat(open.at("/responses/201/headers").has("Location")).isTrue();
        assertThat(open.at("/responses/201/headers").has("ETag")).isTrue();
        assertThat(consent.at("/responses/200/headers").has("ETag")).isTrue();
        assertThat(consent.at("/responses").has("204")).isFalse();
        // The version and the events recorded, not springdoc's guess (a string) for a ResponseEntity<String>.
        assertThat(consent.at("/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("/CommandAnswer");
        List<String> headers = new ArrayList<>();
        consent.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asText())) {
                headers.add(parameter.get("name").asText());
            }
        });
        assertThat(headers).contains("Idempotency-Key", "If-Match", "X-Correlation-Id");
        assertThat(consent.at("/responses/409/content/application~1problem+json/schema/$ref")
                        .asText())
                .endsWith("/CaseRuleProblem");
        assertThat(consent.at("/responses").has("404")).isTrue();
        assertThat(consent.at("/responses").has("422")).isTrue();
        assertThat(ruleCodes)
                .containsExactlyElementsOf(
                        Arrays.stream(CaseRule.values()).map(CaseRule::code).toList());
        assertThat(consent.at("/responses/503/headers").has("Retry-After")).isTrue();
    }
}
