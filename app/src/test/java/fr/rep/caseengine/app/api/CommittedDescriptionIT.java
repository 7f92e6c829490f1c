package fr.rep.caseengine.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.ProjectRoot;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.staff.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * docs/openapi.json is the served description, committed: the generated client of the {@code api-client} module is
 * built from it, and integrators can read it without running the service. Only the server's URL differs: the served
 * one names the host it was asked of, the file says "/" (relative to wherever the service runs).
 *
 * <p>When the served description changed, this test writes the new one to the file and fails: commit the file.
 */
class CommittedDescriptionIT extends EmbeddedDatabaseTest {

    static final Path FILE = ProjectRoot.path().resolve("docs").resolve("openapi.json");

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Test
    void docs_openapi_json_is_the_served_description() throws Exception {
        CaseApi.ensureAccount(accounts, "api.reader", Set.of(Role.AUDITOR), null);
        ObjectMapper json = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
        JsonNode served = ContractValidation.withRelativeServers(json.readTree(
                new CaseApi(http, "api.reader").get("/v3/api-docs").getBody()));
        JsonNode committed = Files.exists(FILE) ? json.readTree(FILE.toFile()) : null;

        if (!served.equals(committed)) {
            Files.writeString(FILE, json.writeValueAsString(served) + "\n");
        }
        assertThat(served.equals(committed))
                .as("docs/openapi.json is the served description (it has just been rewritten: commit it)")
                .isTrue();
    }
}
