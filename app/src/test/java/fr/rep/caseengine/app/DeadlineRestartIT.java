package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.security.AccountStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Deadlines live in the database: one scheduled before a restart fires after it. */
class DeadlineRestartIT {

    @TempDir
    Path data;

    @Test
    void a_deadline_scheduled_before_a_restart_fires_after_it_as_the_system_actor() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            CaseApi api = api(first);
            caseId = api.openCase().read("$.caseId");
            assertThat(json(api.get("/api/cases/" + caseId + "/history?minVersion=0"))
                            .read("$.events[*].type", List.class))
                    .containsExactly("RequestReceived");
        }

        try (ConfigurableApplicationContext second = start()) {
            CaseApi api = api(second);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(json(api.get("/api/cases/" + caseId + "/history"))
                                    .read("$.events[*].type", List.class))
                            .contains("DeadlineApproaching"));
            List<String> actors = json(api.get("/api/cases/" + caseId + "/history"))
                    .read("$.events[?(@.type == 'DeadlineApproaching')].actor");
            assertThat(actors).isNotEmpty().containsOnly("system:deadlines");
            assertThat(json(api.get("/api/cases/" + caseId + "/history"))
                            .read("$.events[?(@.type == 'DeadlineApproaching')].summary", List.class)
                            .get(0)
                            .toString())
                    .startsWith("Follow-up due since");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(json(api.get("/api/work-queue"))
                                    .read("$.overdueFollowUps[?(@.caseId == '" + caseId + "')].kind", List.class))
                            .contains("NO_RECENT_ACTIVITY"));
        }
    }

    /** Inactivity after 8 seconds: long enough for the first app to stop before it fires. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + data.resolve("postgres"),
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false",
                        "--rep.deadlines.inactivity=PT8S",
                        "--db-scheduler.polling-interval=1s");
    }

    private static CaseApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return CaseApi.caseworker(
                new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                context.getBean(AccountStore.class));
    }
}
