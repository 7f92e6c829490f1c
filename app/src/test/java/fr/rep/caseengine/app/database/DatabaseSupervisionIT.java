package fr.rep.caseengine.app.database;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.security.AccountStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * The embedded PostgreSQL killed under the running app: requests fail fast (503, Retry-After, problem+json) and health
 * goes DOWN at once, the app restarts the server (crash recovery), then everything answers again with every case.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseSupervisionIT {

    @TempDir
    Path data;

    @Test
    void a_killed_embedded_server_is_restarted_and_requests_fail_fast_meanwhile(CapturedOutput output)
            throws Exception {
        long restarted;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + data.resolve("postgres"),
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            // A client that does not retry a 503 by itself (Apache HttpClient waits out Retry-After): the answer is the
            // test.
            TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
                    .requestFactory(SimpleClientHttpRequestFactory::new)
                    .rootUri("http://localhost:" + port));
            CaseApi api = CaseApi.caseworker(http, app.getBean(AccountStore.class));
            String before = api.openCase().read("$.caseId");
            // In the case views before the kill: what is read back afterwards does not wait on the projections.
            assertThat(api.get("/api/cases/" + before + "?minVersion=0")
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            assertThat(http.getForEntity("/actuator/health", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);

            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .trim());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            // Health says DOWN at once, and a request is refused at once instead of waiting on the pool.
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> http.getForEntity("/actuator/health", String.class)
                                    .getStatusCode()
                                    .value()
                            == 503);
            AtomicReference<ResponseEntity<String>> refused = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        long asked = System.nanoTime();
                        ResponseEntity<String> answer = api.get("/api/cases/" + before);
                        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
                        refused.set(answer);
                        return answer.getStatusCode().value() == 503;
                    });
            assertThat(refused.get().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .isEqualTo("5");
            assertThat(refused.get().getHeaders().getContentType())
                    .isNotNull()
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(json(refused.get()).read("$.type", String.class))
                    .isEqualTo("urn:rep:problem:database-unavailable");

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> http.getForEntity("/actuator/health", String.class)
                                    .getStatusCode()
                                    .value()
                            == 200);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> api.get("/api/cases/" + before).getStatusCode().value() == 200);
            String after = api.openCase().read("$.caseId");
            // The projections retried meanwhile, waiting longer each time (Axon's back-off, up to a minute).
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> json(api.get("/api/cases?size=200"))
                            .read("$.items[*].caseId", List.class)
                            .containsAll(List.of(before, after)));
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                    .isEmpty();
            restarted = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .trim());
        }
        // Closing the app stops the restarted server too; a deliberate stop is not taken for a death.
        long stopped = restarted;
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        ProcessHandle.of(stopped).filter(ProcessHandle::isAlive).isEmpty());
        assertThat(output).doesNotContain("Could not restart the embedded PostgreSQL");
        assertThat(output)
                .contains("died; restarting it")
                .contains("The embedded PostgreSQL was restarted on port")
                .contains("Database available again");
    }
}
