package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app as a newcomer starts it, with the demo dataset, on a database of its own.
 * <ul>
 *     <li>A monitor or a script that waits for {@code /actuator/health} to say UP and then signs in must find the
 *     accounts and the demo dataset in place: the server listens before the start-up tasks (the first administrator,
 *     the demo dataset, the erasure list's replay) have run, so until they all have the node answers 503
 *     OUT_OF_SERVICE. A start-up task held back by the test shows it.</li>
 *     <li>The README's « Try it » examples, run as written (its curl commands, with the ids the app gave in place of
 *     the README's), answer what the README shows: status, headers and bodies, each id standing for the same thing
 *     throughout.</li>
 * </ul>
 */
class DemoAppIT {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path data;
    private static ConfigurableApplicationContext app;
    private static URI base;
    private static HttpResponse<String> whileStarting;
    private static boolean startedWhileAnswering;

    @BeforeAll
    static void startTheDemo() throws Exception {
        data = Files.createTempDirectory("rep-demo-app");
        CountDownLatch gate = new CountDownLatch(1);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        // A start-up task that lasts as long as the test wants, standing for a slow demo dataset or erasure replay.
        ApplicationRunner slowTask = arguments -> gate.await(2, TimeUnit.MINUTES);
        CompletableFuture<ConfigurableApplicationContext> starting =
                CompletableFuture.supplyAsync(() -> IsolatedApp.builder()
                        .initializers(
                                context -> context.getBeanFactory().registerSingleton("slowStartUpTask", slowTask))
                        .listeners((ApplicationListener<WebServerInitializedEvent>)
                                event -> port.complete(event.getWebServer().getPort()))
                        .run(IsolatedApp.arguments(data, "--rep.demo-data.enabled=true")));
        starting.whenComplete((started, failed) -> port.completeExceptionally(
                failed != null ? failed : new IllegalStateException("started without a web server")));
        try {
            base = URI.create("http://localhost:" + port.get(2, TimeUnit.MINUTES));
            whileStarting = await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(
                            () -> HTTP.send(
                                    HttpRequest.newBuilder(base.resolve("/actuator/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()),
                            answer -> answer != null);
            startedWhileAnswering = starting.isDone();
        } finally {
            gate.countDown();
            app = starting.get(2, TimeUnit.MINUTES);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void health_answers_out_of_service_until_every_start_up_task_has_run_then_up() throws Exception {
        assertThat(startedWhileAnswering)
                .as("the start-up task was still held back when health was asked")
                .isFalse();
        assertThat(whileStarting.statusCode()).as(whileStarting.body()).isEqualTo(503);
        assertThat(whileStarting.body()).contains("\"status\":\"OUT_OF_SERVICE\"");

        HttpResponse<String> started = send("GET", "/actuator/health", null, null, Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/api/account", "claire:demo-password", null, Map.of())
                        .statusCode())
                .as("the demo caseworker signs in once the node is UP")
                .isEqualTo(200);
    }

    @Test
    void the_readmes_try_it_examples_answer_what_the_readme_shows() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String tryIt = readme.substring(readme.indexOf("## Try it"), readme.indexOf("### The API in short"));
        Ids ids = new Ids();
        List<Example> examples = examples(tryIt);
        assertThat(examples)
                .as("the README's examples with the answer they show")
                .hasSize(3);
        for (Example example : examples) {
            HttpResponse<String> answer = null;
            for (Iterator<String> commands = example.commands().iterator(); commands.hasNext(); ) {
                String command = commands.next();
                answer = run(command, ids);
                if (commands.hasNext()) {
                    assertThat(answer.statusCode())
                            .as(command + " answered " + answer.body())
                            .isBetween(200, 299);
                }
                if (command.contains("/acceptance")) {
                    // The prose: "Once the request is accepted (204, the new version "1" as ETag)".
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(answer.headers().firstValue("ETag")).hasValue("\"1\"");
                }
            }
            ids.check(example, answer);
        }

        // The prose after the examples: another team's caseworker gets 404; the service manager lists, cannot open.
        String caseId = ids.actual("b2e65cc7-d9fa-4d70-b756-874dd3563b6b");
        assertThat(send("GET", "/api/cases/" + caseId, "paul:demo-password", null, Map.of())
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> listed = send("GET", "/api/cases?size=100", "marc:demo-password", null, Map.of());
        assertThat(listed.body()).contains(caseId).doesNotContain("Dupont");
        assertThat(send("GET", "/api/cases/" + caseId, "marc:demo-password", null, Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    /** A bash block of curl commands and the block that follows it: the answer to its last command. */
    private record Example(List<String> commands, String shown) {}

    private static List<Example> examples(String section) {
        List<Example> examples = new ArrayList<>();
        Matcher block = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<String> commands = null;
        while (block.find()) {
            if (block.group(1).equals("bash")) {
                commands = new ArrayList<>();
                for (String line : block.group(2).replace("\\\n", " ").split("\n")) {
                    if (line.startsWith("curl ")) {
                        commands.add(line);
                    }
                }
            } else if (commands != null) {
                examples.add(new Example(commands, block.group(2).strip()));
                commands = null;
            }
        }
        return examples;
    }

    private static HttpResponse<String> run(String command, Ids ids) throws Exception {
        List<String> words = words(ids.inActualIds(command));
        String method = "GET";
        String path = null;
        String user = null;
        String body = null;
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-i", "-s" -> {}
                case "-X" -> method = words.get(++i);
                case "-u" -> user = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(": ", 2);
                    headers.put(header[0], header[1]);
                }
                case "-d" -> body = words.get(++i);
                case "--data" ->
                    body = Files.readString(Path.of("..", words.get(++i).substring(1)));
                default -> {
                    assertThat(word)
                            .as("a curl option this test does not know: " + command)
                            .startsWith("localhost:8080/");
                    path = word.substring("localhost:8080".length());
                }
            }
        }
        return send(method, path, user, body, headers);
    }

    /** A command line cut into words as the shell does for the README's commands: spaces, single quotes. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }

    private static HttpResponse<String> send(
            String method, String path, String user, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The README's ids and the ones the app gave: each README id stands for one actual id throughout, learnt where
     * it first appears in an answer.
     */
    private static final class Ids {

        private final Map<String, String> actual = new HashMap<>();

        String actual(String readmeId) {
            assertThat(actual)
                    .as("an id the README uses before an answer gave it")
                    .containsKey(readmeId);
            return actual.get(readmeId);
        }

        String inActualIds(String text) {
            return UUID_PATTERN.matcher(text).replaceAll(id -> actual(id.group()));
        }

        void check(Example example, HttpResponse<String> answer) throws IOException {
            String shown = example.shown();
            String body = shown;
            if (shown.startsWith("HTTP/1.1 ")) {
                String[] parts = shown.split("\n\n", 2);
                List<String> lines = List.of(parts[0].split("\n"));
                assertThat(answer.statusCode())
                        .as(answer.body())
                        .isEqualTo(Integer.parseInt(
                                lines.get(0).substring("HTTP/1.1 ".length()).strip()));
                for (String line : lines.subList(1, lines.size())) {
                    if (line.startsWith("(")) {
                        continue;
                    }
                    String[] header = line.split(": ", 2);
                    same(
                            header[0],
                            header[1],
                            answer.headers().firstValue(header[0]).orElse(null));
                }
                body = parts[1];
            } else {
                JsonNode problem = JSON.readTree(shown).path("status");
                assertThat(answer.statusCode())
                        .as(answer.body())
                        .isEqualTo(problem.isMissingNode() ? 200 : problem.asInt());
            }
            same("$", JSON.readTree(body), JSON.readTree(answer.body()));
        }

        private void same(String where, JsonNode shown, JsonNode given) {
            assertThat(given).as(where + " is missing from the answer").isNotNull();
            if (shown.isObject()) {
                assertThat(given.isObject()).as(where).isTrue();
                List<String> fields = new ArrayList<>();
                shown.fieldNames().forEachRemaining(fields::add);
                List<String> answered = new ArrayList<>();
                given.fieldNames().forEachRemaining(answered::add);
                assertThat(answered).as(where + "'s fields").containsExactlyInAnyOrderElementsOf(fields);
                // When the event was recorded is the one value that changes from run to run without being an id.
                fields.stream()
                        .filter(field -> !field.equals("recordedAt"))
                        .forEach(field -> same(where + "." + field, shown.get(field), given.get(field)));
            } else if (shown.isArray()) {
                assertThat(given.size()).as(where + "'s length").isEqualTo(shown.size());
                for (int i = 0; i < shown.size(); i++) {
                    same(where + "[" + i + "]", shown.get(i), given.get(i));
                }
            } else if (shown.isTextual()) {
                same(where, shown.asText(), given.asText());
            } else {
                assertThat(given).as(where).isEqualTo(shown);
            }
        }

        /** Equal text once each README id is read as the id it stands for; an id seen first here is learnt. */
        private void same(String where, String shown, String given) {
            assertThat(given).as(where).isNotNull();
            StringBuilder pattern = new StringBuilder();
            List<String> readmeIds = new ArrayList<>();
            Matcher id = UUID_PATTERN.matcher(shown);
            int from = 0;
            while (id.find()) {
                pattern.append(Pattern.quote(shown.substring(from, id.start())))
                        .append("(")
                        .append(UUID_PATTERN.pattern())
                        .append(")");
                readmeIds.add(id.group());
                from = id.end();
            }
            pattern.append(Pattern.quote(shown.substring(from)));
            Matcher answered = Pattern.compile(pattern.toString()).matcher(given);
            assertThat(answered.matches())
                    .as(where + ": the README shows «" + shown + "», the app answered «" + given + "»")
                    .isTrue();
            for (int i = 0; i < readmeIds.size(); i++) {
                String was = actual.putIfAbsent(readmeIds.get(i), answered.group(i + 1));
                assertThat(answered.group(i + 1))
                        .as(where + ": " + readmeIds.get(i) + " stands for one id")
                        .isEqualTo(was == null ? answered.group(i + 1) : was);
            }
        }
    }
}
