package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

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

class OperationsEndpointsIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    AccountStore accounts;

    TestRestTemplate http;

    @BeforeEach
    void signInAsAdministrator() {
        CaseApi.ensureAccount(accounts, "operator", Set.of(Role.ADMINISTRATOR), null);
        http = anonymous.withBasicAuth("operator", CaseApi.PASSWORD);
    }

    @Test
    void health_is_up_with_the_database_and_open_to_anyone() {
        ResponseEntity<String> health = anonymous.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(json(health).read("$.status", String.class)).isEqualTo("UP");
        assertThat(health.getBody()).doesNotContain("components");
        ResponseEntity<String> detailed = http.getForEntity("/actuator/health", String.class);
        assertThat(json(detailed).read("$.components.db.status", String.class)).isEqualTo("UP");
        assertThat(json(detailed).read("$.components.projections.details.case-views.processor", String.class))
                .isIn("running", "error");
    }

    @Test
    void metrics_include_the_http_server_and_the_connection_pool() {
        http.getForEntity("/api/cases", String.class);

        List<String> names =
                json(http.getForEntity("/actuator/metrics", String.class)).read("$.names");

        assertThat(names).contains("http.server.requests", "hikaricp.connections.active", "jvm.memory.used");
    }

    @Test
    void the_openapi_description_lists_the_case_commands_and_views() {
        ResponseEntity<String> api = http.getForEntity("/v3/api-docs", String.class);

        assertThat(api.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> paths = json(api).read("$.paths");
        assertThat(paths)
                .containsKeys(
                        "/api/cases",
                        "/api/cases/{caseId}",
                        "/api/cases/{caseId}/history",
                        "/api/cases/{caseId}/consents",
                        "/api/cases/{caseId}/consent-withdrawals",
                        "/api/cases/{caseId}/visits",
                        "/api/cases/{caseId}/closure");
    }
}
