package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.security.AccountStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps its data: an app restarted on the same directory finds every case. */
class RestartIT {

    @TempDir
    Path data;

    @Test
    void the_app_restarted_on_the_same_data_directory_finds_every_case_and_their_names() {
        List<String> caseIds = new ArrayList<>();
        try (ConfigurableApplicationContext first = start()) {
            CaseApi api = api(first);
            for (int i = 0; i < 3; i++) {
                caseIds.add(api.openCase().read("$.caseId"));
            }
            assertThat(api.get("/api/cases/" + caseIds.get(2) + "?minVersion=0")
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            CaseApi api = api(second);
            List<String> listed = json(api.get("/api/cases?size=200")).read("$.items[*].caseId");
            assertThat(listed).containsExactlyInAnyOrderElementsOf(caseIds);
            for (String caseId : caseIds) {
                assertThat(json(api.get("/api/cases/" + caseId)).read("$.children[*].name", List.class))
                        .containsExactly("Lucas Dupont", "Emma Dupont");
            }
            String father = json(api.get("/api/cases/" + caseIds.get(0))).read("$.adults[0].subjectId");
            assertThat(api.post(
                                    "/api/cases/" + caseIds.get(0) + "/consents",
                                    "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(CaseApi.daysAgo(1), father),
                                    java.util.Map.of())
                            .getHeaders()
                            .getETag())
                    .isEqualTo("\"1\"");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + data.resolve("postgres"),
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false");
    }

    private static CaseApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return CaseApi.caseworker(
                new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                context.getBean(AccountStore.class));
    }
}
