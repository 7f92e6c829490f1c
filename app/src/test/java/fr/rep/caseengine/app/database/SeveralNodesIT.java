package fr.rep.caseengine.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.CaseApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Three instances of the app, each its own JVM, on one PostgreSQL that the test starts (zonky, durable as the app's
 * own): clients send commands to them in turn, as a load balancer without affinity would, and the node holding the
 * most processor segments is killed ({@code kill -9}: {@link Process#destroyForcibly()}) in the middle of the load. A
 * request that failed on the dead node is sent again to the next one with its idempotency key, as a client does.
 * Then: the dead node's segments are claimed by the others within 30 s, every command acknowledged (by any node,
 * the dead one included) is in the store exactly once, every view on every surviving node converges on the store, a
 * change made through one node reaches the live clients of another, and the store's hash chains verify.
 */
class SeveralNodesIT {

    private static final String PASSWORD = "a-test-password";
    private static final String CASEWORKER = "claire";
    private static final String SERVICE_MANAGER = "marc";
    private static final String AUDITOR = "alice";
    private static final int CLIENTS = 6;
    private static final int MAX_CASES = 150;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
    /** A case without any entry for this long gets a follow-up warning, then again each time this passes. */
    private static final Duration INACTIVITY = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final List<Node> nodes = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres postgres;

    /** The nodes first, then their database. */
    @AfterEach
    void stop() throws IOException, InterruptedException {
        for (Node node : nodes) {
            node.process.destroy();
        }
        for (Node node : nodes) {
            if (!node.process.waitFor(30, TimeUnit.SECONDS)) {
                node.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void three_nodes_share_one_database_and_one_killed_mid_load_loses_no_acknowledged_command() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "150")
                .start();
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
        // All three at once, on an empty database, as a deployment of three replicas starts them.
        Instant begun = Instant.now();
        for (int n = 1; n <= 3; n++) {
            nodes.add(Node.start(n, postgres.getPort(), data));
        }
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (Node node : nodes) {
                        assertThat(node.process.isAlive())
                                .as("node %d is running; its log ends with:%n%s", node.number, node.logTail())
                                .isTrue();
                    }
                    return nodes.stream().allMatch(this::isUp);
                });
        Duration started = Duration.between(begun, Instant.now());
        System.out.printf("Three nodes up in %.1f s%n", started.toMillis() / 1000.0);
        createAccounts(db);

        String idleCase = idempotencyKeysHoldAcrossNodes(db);

        Load load = new Load();
        load.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged.get() >= 150);

        Node victim = nodeHoldingMostSegments(db);
        Set<String> victimsSegments = segmentsOf(db, victim);
        long acknowledgedBeforeKill = load.acknowledged.get();
        Instant killedAt = Instant.now();
        victim.process.destroyForcibly();
        victim.process.waitFor(30, TimeUnit.SECONDS);
        List<Node> survivors = nodes.stream().filter(node -> node != victim).toList();

        await().atMost(TAKEOVER_LIMIT.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> takenOver(db, victimsSegments, victim));
        Duration takeover = Duration.between(killedAt, Instant.now());
        // The load goes on a little after the takeover, on the nodes that took the segments over.
        long acknowledgedAtTakeover = load.acknowledged.get();
        await().atMost(Duration.ofMinutes(1)).until(() -> load.acknowledged.get() >= acknowledgedAtTakeover + 100);
        load.stop();
        Instant loadEnded = Instant.now();

        // Compared with the store as it is at each look: deadlines go on appending to cases left idle.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> survivors.stream().allMatch(node -> viewsMatch(node, storeVersions(db))));
        Duration convergence = Duration.between(loadEnded, Instant.now());
        Map<String, Long> storeVersions = storeVersions(db);

        assertThat(load.failures)
                .as("every command ends acknowledged, on its first node or when sent again")
                .isEmpty();
        assertEveryCommandStoredOnce(db, load, storeVersions);
        // The case left idle since the start has been warned several times by now, by whichever nodes polled.
        await().atMost(INACTIVITY.multipliedBy(4))
                .until(() ->
                        inactivityWarnings(db).getOrDefault(idleCase, List.of()).size() >= 2);
        Map<String, List<Instant>> warnings = assertEveryDeadlineFiredOnce(db);

        liveChangesCrossNodes(survivors.get(0), survivors.get(1));
        long storedBefore = db.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        JsonNode verification = JSON.readTree(
                get(survivors.get(0), AUDITOR, "/api/event-store/verification").body());
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("events").asLong())
                .as("every event walked")
                .isBetween(storedBefore, db.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));

        System.out.printf(
                "Three nodes on one PostgreSQL: %d commands acknowledged (%d before node %d was "
                        + "killed, %d of them by it), %d sent again after failing on the dead node, 0 lost, 0 "
                        + "applied twice; its %d segments taken over %.1f s after the kill; the views of both "
                        + "survivors matched the store %.1f s after the load ended; %d inactivity deadlines fired "
                        + "once each on %d cases (the three started in %.1f s)%n",
                load.acknowledged.get(),
                acknowledgedBeforeKill,
                victim.number,
                load.acknowledgedBy
                        .getOrDefault(victim.number, new AtomicLong())
                        .get(),
                load.resent.get(),
                victimsSegments.size(),
                takeover.toMillis() / 1000.0,
                convergence.toMillis() / 1000.0,
                warnings.values().stream().mapToInt(List::size).sum(),
                warnings.size(),
                started.toMillis() / 1000.0);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
        assertThat(load.acknowledgedBy
                        .getOrDefault(victim.number, new AtomicLong())
                        .get())
                .as("the killed node had acknowledged commands")
                .isPositive();
    }

    /**
     * One request, sent to one node and then under the same key to the two others: one answer, one case. Returns
     * the case, on which nothing else is done.
     */
    private String idempotencyKeysHoldAcrossNodes(JdbcTemplate db) throws Exception {
        String key = UUID.randomUUID().toString();
        String family = CaseApi.newFamily();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Node node : nodes) {
            answers.add(post(node, "/api/cases", family, key));
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(answers)
                .extracting(HttpResponse::body)
                .containsOnly(answers.get(0).body());
        String caseId = JSON.readTree(answers.get(0).body()).path("caseId").asText();
        assertThat(db.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry", Long.class))
                .isEqualTo(1);
        assertThat(caseId).isNotBlank();
        return caseId;
    }

    /**
     * Each case's inactivity check is one chain of deadlines in db-scheduler, which the three nodes poll: fired once
     * each, its warnings are at least the inactivity period apart; a deadline fired by two nodes would record its
     * trigger time twice, or start a second chain whose warnings come closer together.
     */
    private static Map<String, List<Instant>> assertEveryDeadlineFiredOnce(JdbcTemplate db) {
        Map<String, List<Instant>> warnings = inactivityWarnings(db);
        assertThat(warnings).isNotEmpty();
        warnings.forEach((caseId, times) -> {
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .as("inactivity warnings of %s: %s", caseId, times)
                        .isGreaterThanOrEqualTo(INACTIVITY);
            }
        });
        return warnings;
    }

    /** The follow-up warnings of each case, by the time their deadline was due. */
    private static Map<String, List<Instant>> inactivityWarnings(JdbcTemplate db) {
        Map<String, List<Instant>> warnings = new HashMap<>();
        db.query(
                """
                SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'occurredAt'
                FROM domain_event_entry WHERE payload_type LIKE '%DeadlineApproaching'
                AND convert_from(payload, 'UTF8')::jsonb ->> 'kind' = 'NO_RECENT_ACTIVITY'
                """,
                row -> {
                    warnings.computeIfAbsent(row.getString(1), caseId -> new ArrayList<>())
                            .add(Instant.parse(row.getString(2)));
                });
        warnings.values().forEach(times -> times.sort(null));
        return warnings;
    }

    /**
     * Clients that each send, in turn to the next node, either a new case or an interview on a known case (valid any
     * number of times); a request that fails without an answer (the node died, or refused the connection) goes to the
     * next node under the same idempotency key.
     */
    private final class Load {

        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong resent = new AtomicLong();
        final Map<Integer, AtomicLong> acknowledgedBy = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        /** The cases opened, with the interviews acknowledged on each: the versions their answers named. */
        final Map<String, List<Long>> interviews = new ConcurrentHashMap<>();

        final List<String> cases = new CopyOnWriteArrayList<>();
        private final AtomicLong turn = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> clientsRunning = new ArrayList<>();
        private final String yesterday = CaseApi.daysAgo(1);

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                clientsRunning.add(clients.submit(this::sendUntilStopped));
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> client : clientsRunning) {
                client.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
        }

        private Void sendUntilStopped() throws IOException {
            while (running.get()) {
                String caseId = pickCase();
                String key = UUID.randomUUID().toString();
                if (caseId == null) {
                    HttpResponse<String> answer = sendUntilAnswered("/api/cases", CaseApi.newFamily(), key);
                    if (answer != null && answer.statusCode() == 201) {
                        String opened =
                                JSON.readTree(answer.body()).path("caseId").asText();
                        interviews.put(opened, new CopyOnWriteArrayList<>());
                        cases.add(opened);
                    }
                } else {
                    HttpResponse<String> answer =
                            sendUntilAnswered("/api/cases/" + caseId + "/interviews", """
                            {"occurredAt": "%s", "kind": "INTERMEDIATE", "participants": ["DETAINED_PARENT"],
                             "place": "IN_DETENTION"}""".formatted(yesterday), key);
                    if (answer != null && answer.statusCode() == 200) {
                        interviews
                                .get(caseId)
                                .add(Long.parseLong(answer.headers()
                                        .firstValue("ETag")
                                        .orElseThrow()
                                        .replace("\"", "")));
                    }
                }
            }
            return null;
        }

        private String pickCase() {
            if (cases.size() < 3
                    || (cases.size() < MAX_CASES && ThreadLocalRandom.current().nextInt(6) == 0)) {
                return null;
            }
            return cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
        }

        /** The answer, or null (recorded as a failure) when no node gave a 2xx within a few tries. */
        private HttpResponse<String> sendUntilAnswered(String path, String body, String key) {
            for (int attempt = 1; attempt <= 6; attempt++) {
                Node node = nodes.get((int) (turn.getAndIncrement() % nodes.size()));
                try {
                    HttpResponse<String> answer = post(node, path, body, key);
                    if (answer.statusCode() / 100 == 2) {
                        acknowledged.incrementAndGet();
                        acknowledgedBy
                                .computeIfAbsent(node.number, number -> new AtomicLong())
                                .incrementAndGet();
                        return answer;
                    }
                    if (answer.statusCode() != 503) {
                        failures.add(
                                path + " on node " + node.number + ": " + answer.statusCode() + " " + answer.body());
                        return null;
                    }
                } catch (IOException e) {
                    // No answer: the node is gone, or went in the middle of the request. Sent again, same key.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                resent.incrementAndGet();
            }
            failures.add(path + ": no node answered");
            return null;
        }
    }

    /**
     * Each case acknowledged as opened is stored; each interview acknowledged is stored at the version its answer
     * named; and a case holds exactly as many interviews as were acknowledged on it: none lost, none applied twice.
     */
    private static void assertEveryCommandStoredOnce(JdbcTemplate db, Load load, Map<String, Long> storeVersions) {
        Map<String, Set<Long>> interviewsStored = new HashMap<>();
        db.query(
                """
                SELECT aggregate_identifier, sequence_number FROM domain_event_entry
                WHERE payload_type LIKE '%InterviewHeld'""",
                row -> {
                    interviewsStored
                            .computeIfAbsent(row.getString(1), caseId -> new HashSet<>())
                            .add(row.getLong(2));
                });
        Set<String> notStored = new HashSet<>();
        load.interviews.forEach((caseId, versions) -> {
            assertThat(storeVersions)
                    .as("case %s acknowledged as opened", caseId)
                    .containsKey(caseId);
            assertThat(versions)
                    .as("each interview on %s has a version of its own", caseId)
                    .doesNotHaveDuplicates();
            Set<Long> stored = interviewsStored.getOrDefault(caseId, Set.of());
            versions.stream()
                    .filter(version -> !stored.contains(version))
                    .forEach(version -> notStored.add(caseId + "#" + version));
            assertThat(stored)
                    .as("interviews stored on %s: each command once", caseId)
                    .hasSameSizeAs(versions);
        });
        assertThat(notStored).as("acknowledged commands missing from the store").isEmpty();
        // The case of idempotencyKeysHoldAcrossNodes and those of the load: no other case was opened.
        assertThat(storeVersions).hasSize(load.interviews.size() + 1);
    }

    /** Each case's last sequence number in the store. */
    private static Map<String, Long> storeVersions(JdbcTemplate db) {
        Map<String, Long> versions = new HashMap<>();
        db.query("SELECT aggregate_identifier, max(sequence_number) FROM domain_event_entry GROUP BY 1", row -> {
            versions.put(row.getString(1), row.getLong(2));
        });
        return versions;
    }

    /** The node's case list holds every case at the store's version, and its caseload counts them all. */
    private boolean viewsMatch(Node node, Map<String, Long> storeVersions) {
        try {
            Map<String, Long> listed = new HashMap<>();
            for (int page = 0; page * 200 < storeVersions.size(); page++) {
                for (JsonNode item : JSON.readTree(get(node, CASEWORKER, "/api/cases?size=200&page=" + page)
                                .body())
                        .path("items")) {
                    listed.put(
                            item.path("caseId").asText(), item.path("version").asLong());
                }
            }
            JsonNode caseload =
                    JSON.readTree(get(node, SERVICE_MANAGER, "/api/caseload").body());
            return listed.equals(storeVersions)
                    && caseload.path("totalCases").asInt() == storeVersions.size()
                    && caseload.path("lag").path("events").asLong() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A case opened through one node is announced on the other node's live stream of the caseload. */
    private void liveChangesCrossNodes(Node writer, Node listener) throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        HttpRequest stream = request(listener, SERVICE_MANAGER, "/api/caseload/stream")
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var listening = http.sendAsync(stream, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(heard::add));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> heard.stream().anyMatch(line -> line.contains("connected")));
            HttpResponse<String> opened = post(
                    writer, "/api/cases", CaseApi.newFamily(), UUID.randomUUID().toString());
            assertThat(opened.statusCode()).isEqualTo(201);
            String caseId = JSON.readTree(opened.body()).path("caseId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.stream().anyMatch(line -> line.contains(caseId)));
        } finally {
            listening.cancel(true);
        }
    }

    private Node nodeHoldingMostSegments(JdbcTemplate db) {
        Map<String, Long> byOwner = new HashMap<>();
        db.query("SELECT owner, count(*) FROM token_entry WHERE owner IS NOT NULL GROUP BY owner", row -> {
            byOwner.put(row.getString(1), row.getLong(2));
        });
        return nodes.stream()
                .max((a, b) -> Long.compare(byOwner.getOrDefault(a.owner(), 0L), byOwner.getOrDefault(b.owner(), 0L)))
                .orElseThrow();
    }

    private static Set<String> segmentsOf(JdbcTemplate db, Node node) {
        Set<String> segments = new HashSet<>(db.queryForList(
                "SELECT processor_name || '/' || segment FROM token_entry WHERE owner = ?",
                String.class,
                node.owner()));
        assertThat(segments).as("the node killed holds segments").isNotEmpty();
        return segments;
    }

    /** Every segment the dead node held is claimed by a living one. */
    private boolean takenOver(JdbcTemplate db, Set<String> segments, Node dead) {
        Set<String> living =
                nodes.stream().filter(node -> node != dead).map(Node::owner).collect(Collectors.toSet());
        Map<String, String> owners = new HashMap<>();
        db.query("SELECT processor_name || '/' || segment, owner FROM token_entry", row -> {
            owners.put(row.getString(1), row.getString(2));
        });
        return segments.stream().allMatch(segment -> living.contains(owners.get(segment)));
    }

    private static void createAccounts(JdbcTemplate db) {
        // A cheap hash (cost 4): HTTP Basic checks it on every request, and this test sends thousands.
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String[] account : List.of(
                new String[] {CASEWORKER, "CASEWORKER", "SOMME_AISNE_OISE"},
                new String[] {SERVICE_MANAGER, "SERVICE_MANAGER", null},
                new String[] {AUDITOR, "AUDITOR", null})) {
            db.update("""
                    INSERT INTO account (username, display_name, password_hash, roles, team, created_at)
                    VALUES (?, ?, ?, ARRAY[?]::varchar[], ?, ?)""", account[0], account[0], hash, account[1], account[2], Timestamp.from(Instant.now()));
        }
    }

    private boolean isUp(Node node) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(node.uri("/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(5))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> post(Node node, String path, String body, String key)
            throws IOException, InterruptedException {
        return http.send(
                request(node, CASEWORKER, path)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(Node node, String account, String path) throws IOException, InterruptedException {
        return http.send(request(node, account, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(Node node, String account, String path) {
        return HttpRequest.newBuilder(node.uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((account + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** An instance of the app in a JVM of its own, on the shared database and the shared key file. */
    private record Node(int number, int port, Process process, Path log) {

        static Node start(int number, int databasePort, Path data) throws IOException {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path log = Path.of("target", "several-nodes", "node-" + number + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true",
                    "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    CaseEngineApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.hikari.maximum-pool-size=15",
                    // One volume that every node mounts: the wrapping keys are shared (docs/operations.md).
                    "--rep.personal-data.master-key-file=" + data.resolve("shared/keys/master-key.json"),
                    "--rep.demo-data.enabled=false",
                    "--rep.deadlines.inactivity=" + INACTIVITY,
                    "--db-scheduler.polling-interval=1s",
                    "--logging.level.root=WARN");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Node(number, port, process, log);
        }

        /** The owner it writes in token_entry: Axon's default node id, the JVM's name. */
        String owner() {
            return process.pid() + "@" + hostName();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private static String hostName() {
            String jvm =
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
            return jvm.substring(jvm.indexOf('@') + 1);
        }
    }
}
