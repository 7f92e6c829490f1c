package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A poison event — one a projection cannot apply, whatever the cause — never stops a processor: it is dead-lettered
 * (with the later events of its case, which wait behind it), every other case keeps being projected, administrators
 * see it and retry it, and a rebuild reports it instead of failing. The events are stored straight through the
 * storage engine, as a past bug or an old client might have left them, bypassing the API's validation.
 * <p>
 * The app runs on a database of its own: the poison events stay in its store for good.
 */
class PoisonEventIT {

    static final String ADMINISTRATOR = "root.poison";
    /** The role the app's pool signs in as (docs/security.md, "Database roles"). */
    static final String APP_ROLE = "rep_app";

    static final Duration USUAL_WAIT = Duration.ofSeconds(30);
    static final List<String> PROJECTIONS = List.of("case-views", "caseload", "work-queue", "activity-report");
    static Path data;
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    /** The database's owner, for the faults the app's own role has no right to make. */
    static JdbcTemplate owner;

    static CaseApi caseworker;
    static CaseApi administrator;

    @BeforeAll
    static void app() throws Exception {
        data = Files.createTempDirectory("rep-poison-test");
        app = new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + data.resolve("postgres"),
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false",
                        "--rep.event-chain.seal-interval=10m");
        jdbc = app.getBean(JdbcTemplate.class);
        owner = new JdbcTemplate(app.getBean(EmbeddedPostgres.class).getPostgresDatabase());
        AccountStore accounts = app.getBean(AccountStore.class);
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        caseworker = CaseApi.caseworker(http(), accounts);
        administrator = new CaseApi(http(), ADMINISTRATOR);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void removeFault() {
        owner.execute("DROP TRIGGER IF EXISTS refuse_case ON case_views.case_view");
        owner.execute("DROP FUNCTION IF EXISTS refuse_case()");
        owner.execute("REVOKE UPDATE ON domain_event_entry FROM " + APP_ROLE);
    }

    @Test
    void an_event_holding_a_nul_character_is_dead_lettered_and_every_later_case_is_projected() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String poisoned = caseworker.openCase().read("$.caseId");
        String poisonId = append(poisoned, 1, permit(poisoned, Accompanier.staff("Jean\u0000Valjean")));
        String waiting = append(poisoned, 2, permit(poisoned, Accompanier.staff("Cosette Fauchelevent")));

        List<String> later = openCases(12);

        awaitProjectedEverywhere(later);
        await().atMost(USUAL_WAIT).untilAsserted(() -> {
            assertThat(deadLetters("case-views", poisoned)).containsExactly(poisonId, waiting);
            assertThat(deadLetters("work-queue", poisoned)).containsExactly(poisonId, waiting);
        });
        assertThat(historySequences(poisoned)).containsExactly(0L);

        ResponseEntity<String> listed = administrator.get("/api/projections");
        assertThat(listed.getBody()).doesNotContain("Valjean").doesNotContain("Cosette");
        DocumentContext projections = json(listed);
        List<Map<String, Object>> letters =
                projections.read("$[?(@.name == 'case-views')].deadLetters[?(@.caseId == '" + poisoned + "')]");
        assertThat(letters).hasSize(1);
        Map<String, Object> letter = letters.get(0);
        assertThat(letter)
                .containsEntry("eventId", poisonId)
                .containsEntry("eventType", "VisitingPermitIssued")
                .containsEntry("sequenceNumber", 1)
                .containsEntry("waiting", 1);
        assertThat(((Number) letter.get("position")).longValue()).isEqualTo(positionOf(poisonId));
        assertThat((String) letter.get("error")).isNotBlank();
        assertThat(Instant.parse((String) letter.get("since"))).isBetween(before, Instant.now());

        ResponseEntity<String> health = administrator.get("/actuator/health");
        assertThat(json(health).read("$.status", String.class)).isEqualTo("DEGRADED");
        assertThat(json(health).read("$.components.projections.status", String.class))
                .isEqualTo("DEGRADED");
        assertThat(json(health).read("$.components.projections.details.case-views.deadLetteredCases", Integer.class))
                .isPositive();
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).doesNotContain("Valjean");
    }

    @Test
    void an_event_whose_stored_payload_no_handler_can_read_is_dead_lettered_and_every_later_case_is_projected() {
        String poisoned = caseworker.openCase().read("$.caseId");
        // The payload is forged in the appending transaction, before the views can read it: for that one statement the
        // app's role gets the right to change stored events, which it never has otherwise.
        owner.execute("GRANT UPDATE ON domain_event_entry TO " + APP_ROLE);
        String poisonId = new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).execute(status -> {
            String id = append(poisoned, 1, permit(poisoned, Accompanier.staff("Javert")));
            jdbc.update(
                    "UPDATE domain_event_entry SET payload = convert_to(?, 'UTF8') WHERE event_identifier = ?",
                    "{\"caseId\": \"" + poisoned + "\", \"validUntil\": \"not a date\"}",
                    id);
            return id;
        });

        List<String> later = openCases(12);

        awaitProjectedEverywhere(later);
        await().atMost(USUAL_WAIT).untilAsserted(() -> {
            assertThat(deadLetters("case-views", poisoned)).containsExactly(poisonId);
            assertThat(deadLetters("work-queue", poisoned)).containsExactly(poisonId);
        });
        assertThat(historySequences(poisoned)).containsExactly(0L);
    }

    @Test
    void an_event_dated_beyond_what_postgresql_stores_is_dead_lettered_and_later_cases_answer_their_min_version() {
        String poisoned = caseworker.openCase().read("$.caseId");
        Instant outOfRange = Instant.parse("-999999999-01-01T00:00:00Z");
        String poisonId = append(
                poisoned,
                1,
                new VisitingPermitIssued(
                        CaseId.of(poisoned),
                        outOfRange,
                        Instant.now(),
                        Accompanier.staff("Fantine"),
                        Prison.MA_AMIENS,
                        LocalDate.now().plusMonths(6)));

        List<String> later = openCases(12);

        for (String caseId : later) {
            assertThat(caseworker
                            .get("/api/cases/" + caseId + "?minVersion=0")
                            .getStatusCode()
                            .value())
                    .as("case " + caseId)
                    .isEqualTo(200);
        }
        awaitProjectedEverywhere(later);
        await().atMost(USUAL_WAIT)
                .until(() -> deadLetters("case-views", poisoned).equals(List.of(poisonId)));
    }

    @Test
    void an_administrator_retries_a_projections_dead_letters_once_the_fault_is_gone() {
        owner.execute("""
                CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.prison = 'ROUEN' THEN RAISE EXCEPTION 'simulated failure of the case view'; END IF;
                    RETURN NEW;
                END $$""");
        owner.execute("CREATE TRIGGER refuse_case BEFORE INSERT ON case_views.case_view FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_case()");
        String refused = json(caseworker.post(
                        "/api/cases", CaseApi.newFamily().replace("\"MA_AMIENS\"", "\"ROUEN\""), Map.of()))
                .read("$.caseId");
        List<String> later = openCases(4);
        awaitProjectedEverywhere(later);
        await().atMost(USUAL_WAIT)
                .until(() -> deadLetters("case-views", refused).size() == 1);
        assertThat(caseRows(refused)).isZero();

        assertThat(caseworker
                        .post("/api/projections/case-views/dead-letters/retry", "", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> unknown =
                administrator.post("/api/projections/nothing/dead-letters/retry", "", Map.of());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");

        ResponseEntity<String> stillFailing =
                administrator.post("/api/projections/case-views/dead-letters/retry", "", Map.of());
        assertThat(stillFailing.getStatusCode().value()).isEqualTo(200);
        assertThat(json(stillFailing).read("$.retried[?(@.caseId == '" + refused + "')].outcome", List.class))
                .containsExactly("STILL_FAILING");
        assertThat(deadLetters("case-views", refused)).hasSize(1);

        removeFault();
        ResponseEntity<String> retried =
                administrator.post("/api/projections/case-views/dead-letters/retry", "", Map.of());

        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(json(retried).read("$.retried[?(@.caseId == '" + refused + "')].outcome", List.class))
                .containsExactly("APPLIED");
        assertThat(deadLetters("case-views", refused)).isEmpty();
        assertThat(caseRows(refused)).isEqualTo(1);
        assertThat(historySequences(refused)).containsExactly(0L);
    }

    @Test
    void a_rebuild_over_a_store_holding_a_poison_event_switches_in_and_reports_the_event() throws Exception {
        String poisoned = caseworker.openCase().read("$.caseId");
        String poisonId = append(poisoned, 1, permit(poisoned, Accompanier.staff("Thénardier\u0000")));
        String waiting = append(poisoned, 2, permit(poisoned, Accompanier.staff("Éponine")));
        List<String> later = openCases(3);
        awaitProjectedEverywhere(later);
        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);

        for (String projection : List.of("case-views", "work-queue")) {
            RebuildProgress done = rebuilds.rebuild(projection, Duration.ofMinutes(3));

            assertThat(done.state()).as(done.failure()).isEqualTo(RebuildProgress.State.DONE);
            assertThat(done.deadLetters()).as(projection).anySatisfy(letter -> {
                assertThat(letter.caseId()).isEqualTo(poisoned);
                assertThat(letter.eventId()).isEqualTo(poisonId);
                assertThat(letter.eventType()).isEqualTo("VisitingPermitIssued");
                assertThat(letter.error()).isNotBlank();
                assertThat(letter.waiting()).isEqualTo(1);
            });
            assertThat(deadLetters(projection, poisoned)).containsExactly(poisonId, waiting);
        }
        DocumentContext progress = json(administrator.get("/api/projections/case-views/rebuild"));
        assertThat(progress.read("$.deadLetters[*].eventId", List.class)).contains(poisonId);
        awaitProjectedEverywhere(later);
        assertThat(historySequences(poisoned)).containsExactly(0L);
    }

    private static List<String> openCases(int count) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(caseworker.openCase().read("$.caseId"));
        }
        return cases;
    }

    /** Each case is in the case views, the history, the caseload, the work queue and the activity report. */
    private static void awaitProjectedEverywhere(List<String> cases) {
        await().atMost(USUAL_WAIT).untilAsserted(() -> {
            for (String caseId : cases) {
                assertThat(caseRows(caseId)).as("case_view " + caseId).isEqualTo(1);
                assertThat(historySequences(caseId)).as("history " + caseId).containsExactly(0L);
                assertThat(rows("caseload.caseload_case", caseId))
                        .as("caseload " + caseId)
                        .isEqualTo(1);
                assertThat(rows("work_queue.work_queue_case", caseId))
                        .as("work queue " + caseId)
                        .isEqualTo(1);
                assertThat(rows("activity_report.report_case", caseId))
                        .as("report " + caseId)
                        .isEqualTo(1);
            }
        });
    }

    private static VisitingPermitIssued permit(String caseId, Accompanier accompanier) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new VisitingPermitIssued(
                CaseId.of(caseId),
                now.minus(Duration.ofDays(1)),
                now,
                accompanier,
                Prison.MA_AMIENS,
                LocalDate.now().plusMonths(6));
    }

    /** Appends {@code event} to the case's stream through Axon's storage engine; returns the event's id. */
    private static String append(String caseId, long sequence, Object event) {
        String id = UUID.randomUUID().toString();
        app.getBean(EventStorageEngine.class)
                .appendEvents(new GenericDomainEventMessage<>(
                        "FamilyCase",
                        caseId,
                        sequence,
                        event,
                        Map.of(EventMetadata.ACTOR, CaseApi.CASEWORKER),
                        id,
                        Instant.now()));
        return id;
    }

    /** The event ids dead-lettered for a case by a projection, in the case's order. */
    private static List<String> deadLetters(String projection, String caseId) {
        return jdbc.queryForList(
                "SELECT event_identifier FROM dead_letter_entry WHERE processing_group = ? "
                        + "AND sequence_identifier = ? ORDER BY sequence_index",
                String.class,
                projection,
                caseId);
    }

    private static long positionOf(String eventId) {
        return jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
    }

    private static List<Long> historySequences(String caseId) {
        return jdbc.queryForList(
                "SELECT sequence_number FROM case_views.case_history_entry WHERE case_id = ?::uuid "
                        + "ORDER BY sequence_number",
                Long.class,
                caseId);
    }

    private static long caseRows(String caseId) {
        return rows("case_views.case_view", caseId);
    }

    private static long rows(String table, String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE case_id = ?::uuid", Long.class, caseId);
    }

    private static TestRestTemplate http() {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }
}
