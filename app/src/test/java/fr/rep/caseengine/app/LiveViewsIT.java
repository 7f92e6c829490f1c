package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The caseload dashboard and the work queues through the API: commands move them, server-sent events announce the
 * changes to the callers who may see them (and to no one else), and each answer says how far behind the store its
 * projection is. Cases are assigned to caseworkers created for each test, so that counts are exact in the shared app.
 */
class LiveViewsIT extends EmbeddedDatabaseTest {

    static final String SOPHIE = "sophie.manager"; // team manager, Somme–Aisne–Oise
    static final String PAUL = "paul.pdc"; // caseworker, Pas-de-Calais
    static final String MARC = "marc.service"; // service manager

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    EventProcessingConfiguration processing;

    @LocalServerPort
    int port;

    String caseworker;
    CaseApi claire;
    CaseApi sophie;

    @BeforeEach
    void staff() {
        caseworker = "cw-" + UUID.randomUUID().toString().substring(0, 8);
        CaseApi.ensureAccount(accounts, caseworker, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, SOPHIE, Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, PAUL, Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        CaseApi.ensureAccount(accounts, MARC, Set.of(Role.SERVICE_MANAGER), null);
        claire = CaseApi.caseworker(http, accounts);
        sophie = new CaseApi(http, SOPHIE);
    }

    @Test
    void assigning_and_accepting_a_case_moves_it_between_the_dashboards_buckets() {
        String caseId = claire.openCase().read("$.caseId");
        assign(caseId);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(bucketsOf(json(sophie.get("/api/caseload")), "RECEPTION"))
                        .containsExactly(1));
        DocumentContext waiting = json(sophie.get("/api/caseload"));
        assertThat(waiting.read("$.buckets[?(@.caseworker == '" + caseworker + "')].waiting.longestDays", List.class))
                .singleElement()
                .satisfies(days -> assertThat(((Number) days).doubleValue()).isBetween(6.9, 7.1));

        new CaseApi(http, caseworker)
                .post(
                        "/api/cases/" + caseId + "/acceptance",
                        "{\"occurredAt\": \"%s\"}".formatted(CaseApi.daysAgo(1)),
                        Map.of());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            DocumentContext caseload = json(sophie.get("/api/caseload"));
            assertThat(bucketsOf(caseload, "RECEPTION")).isEmpty();
            assertThat(bucketsOf(caseload, "SETTING_UP")).containsExactly(1);
        });
        DocumentContext ofPasDeCalais = json(new CaseApi(http, MARC).get("/api/caseload?team=PAS_DE_CALAIS"));
        assertThat(ofPasDeCalais.read("$.buckets[*].team", List.class)).containsOnly("PAS_DE_CALAIS");
        assertThat(json(new CaseApi(http, PAUL).get("/api/caseload")).read("$.buckets[*].caseworker", List.class))
                .doesNotContain(caseworker);
    }

    @Test
    void the_work_queue_shows_the_case_just_assigned_and_this_weeks_visit_to_its_caseworker_and_their_manager() {
        DocumentContext opened = claire.openCase();
        String caseId = opened.read("$.caseId");
        assign(caseId);
        CaseApi assignee = new CaseApi(http, caseworker);
        assignee.acceptWithPermit(caseId, caseworker);
        ResponseEntity<String> scheduled = assignee.post(
                "/api/cases/" + caseId + "/scheduled-visits",
                """
                {"occurredAt": "%s", "plannedFor": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM"}""".formatted(CaseApi.daysAgo(0), laterThisWeek(), opened.read("$.children[0]")),
                Map.of());
        assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            DocumentContext queue = json(assignee.get("/api/work-queue"));
            assertThat(queue.read("$.recentlyAssigned[*].caseId", List.class)).containsExactly(caseId);
            assertThat(queue.read("$.visitsThisWeek[*].caseId", List.class)).containsExactly(caseId);
        });
        DocumentContext ofTheCaseworker = json(sophie.get("/api/work-queue?caseworker=" + caseworker));
        assertThat(ofTheCaseworker.read("$.visitsThisWeek[*].caseworker", List.class))
                .containsExactly(caseworker);
        assertThat(json(claire.get("/api/work-queue")).read("$.recentlyAssigned[*].caseId", List.class))
                .doesNotContain(caseId);
        assertThat(json(new CaseApi(http, PAUL).get("/api/work-queue")).read("$..caseId", List.class))
                .doesNotContain(caseId);
        assertThat(claire.get("/api/work-queue?caseworker=" + caseworker)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void a_dashboard_stream_announces_a_change_of_the_managers_team_and_nothing_of_another_team() {
        List<String> sophieHears = listen(SOPHIE, "/api/caseload/stream");
        List<String> paulHears = listen(PAUL, "/api/caseload/stream");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sophieHears.contains("event:connected") && paulHears.contains("event:connected"));

        String ofPasDeCalais = json(new CaseApi(http, PAUL)
                        .post(
                                "/api/cases",
                                CaseApi.newFamily()
                                        .replace("SOMME_AISNE_OISE", "PAS_DE_CALAIS")
                                        .replace("MA_AMIENS", "MA_ARRAS"),
                                Map.of()))
                .read("$.caseId");
        String ofSomme = claire.openCase().read("$.caseId");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> String.join("\n", sophieHears).contains(ofSomme)
                        && String.join("\n", paulHears).contains(ofPasDeCalais));
        // One segment handles the caseload in the store's order: the Pas-de-Calais case was announced first.
        assertThat(String.join("\n", sophieHears)).doesNotContain(ofPasDeCalais).contains("\"lag\":{\"events\":");
        assertThat(String.join("\n", paulHears)).doesNotContain(ofSomme);
    }

    @Test
    void a_work_queue_stream_announces_the_assignment_to_the_new_caseworker() {
        List<String> hears = listen(caseworker, "/api/work-queue/stream");
        await().atMost(Duration.ofSeconds(10)).until(() -> hears.contains("event:connected"));

        String caseId = claire.openCase().read("$.caseId");
        assign(caseId);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> hears.stream().anyMatch(line -> line.startsWith("data:") && line.contains(caseId)));
    }

    @Test
    void the_dashboard_reports_its_lag_behind_the_store_while_its_processor_is_stopped() {
        await().atMost(Duration.ofSeconds(20)).until(() -> lagEvents() == 0);
        StreamingEventProcessor caseload = processing
                .eventProcessor("caseload", StreamingEventProcessor.class)
                .orElseThrow();
        caseload.shutDown();
        try {
            claire.openCase();
            await().atMost(Duration.ofSeconds(10)).until(() -> lagEvents() >= 1);
            assertThat(json(sophie.get("/api/caseload")).read("$.lag.seconds", Integer.class))
                    .isNotNegative();
        } finally {
            caseload.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lagEvents() == 0);
    }

    private int lagEvents() {
        return json(sophie.get("/api/caseload")).read("$.lag.events", Integer.class);
    }

    private void assign(String caseId) {
        ResponseEntity<String> assigned = sophie.post(
                "/api/cases/" + caseId + "/assignment",
                "{\"occurredAt\": \"%s\", \"caseworker\": \"%s\"}".formatted(CaseApi.daysAgo(1), caseworker),
                Map.of());
        assertThat(assigned.getStatusCode().value()).as(assigned.getBody()).isEqualTo(200);
    }

    private List<Integer> bucketsOf(DocumentContext caseload, String stage) {
        return caseload.read(
                "$.buckets[?(@.caseworker == '" + caseworker + "' && @.stage == '" + stage + "')].cases", List.class);
    }

    /** Half an hour from now, or half way to the end of the week when that is nearer (Europe/Paris, as the app). */
    private static OffsetDateTime laterThisWeek() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Paris"));
        ZonedDateTime endOfWeek = now.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        ZonedDateTime halfHour = now.plusMinutes(30);
        ZonedDateTime planned = halfHour.isBefore(endOfWeek)
                ? halfHour
                : now.plus(Duration.between(now, endOfWeek).dividedBy(2));
        return planned.toOffsetDateTime().withNano(0);
    }

    /**
     * Reads a server-sent event stream line by line into the returned list. The stream stays open until the app
     * stops and completes it (see {@link SecurityMatrixIT}: a dropped stream would hold the app's shutdown).
     */
    private List<String> listen(String account, String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (account + ":" + CaseApi.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status:" + response.statusCode());
                    response.body().forEach(lines::add);
                });
        return lines;
    }
}
