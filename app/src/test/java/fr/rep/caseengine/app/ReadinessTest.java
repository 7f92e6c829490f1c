package fr.rep.caseengine.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A monitor or a script that waits for {@code /actuator/health} to say UP and then signs in must find the accounts and
 * the demo dataset in place: the server listens before the start-up tasks (the first administrator, the demo dataset,
 * the erasure list's replay) have run, so until they all have the node answers 503 OUT_OF_SERVICE.
 */
class ReadinessTest {

    @Test
    void health_answers_out_of_service_until_every_start_up_task_has_run_then_up(@TempDir Path data) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        // A start-up task that lasts as long as the test wants, standing for a slow demo dataset or erasure replay.
        ApplicationRunner slowTask = arguments -> gate.await(2, TimeUnit.MINUTES);
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() -> IsolatedApp
                .builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("slowStartUpTask", slowTask))
                .listeners((ApplicationListener<WebServerInitializedEvent>) event ->
                        port.complete(event.getWebServer().getPort()))
                .run(IsolatedApp.arguments(data, "--rep.demo-data.enabled=true")));
        app.whenComplete((started, failed) -> port.completeExceptionally(
                failed != null ? failed : new IllegalStateException("started without a web server")));
        try {
            URI health = URI.create("http://localhost:" + port.get(2, TimeUnit.MINUTES) + "/actuator/health");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> starting = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.ofString()), answer -> answer != null);
            assertThat(starting.statusCode()).as(starting.body()).isEqualTo(503);
            assertThat(starting.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
            assertThat(app).as("still starting").isNotDone();

            gate.countDown();
            app.get(2, TimeUnit.MINUTES);
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            assertThat(started.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port.get() + "/api/account"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString("claire:demo-password".getBytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as("the demo caseworker signs in once the node is UP").isEqualTo(200);
        } finally {
            gate.countDown();
            app.thenAccept(ConfigurableApplicationContext::close).get(2, TimeUnit.MINUTES);
        }
    }
}
