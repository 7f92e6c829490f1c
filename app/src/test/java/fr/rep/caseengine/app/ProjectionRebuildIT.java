package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.benchmark.CaseDataset;
import fr.rep.caseengine.benchmark.EventStoreLoader;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A projection rebuilt from the event store equals the live one it replaces, and the live one serves meanwhile.
 * The app runs on a database of its own holding a generated dataset (thousands of events over hundreds of cases)
 * and nothing else, so that no event of another test lands between the two states compared.
 */
class ProjectionRebuildIT {

    static final String ADMINISTRATOR = "root.rebuilds";
    static Path data;
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static ProjectionRebuilds rebuilds;

    @BeforeAll
    static void appWithAGeneratedDataset() throws Exception {
        data = Files.createTempDirectory("rep-rebuild-test");
        app = IsolatedApp.start(data);
        jdbc = app.getBean(JdbcTemplate.class);
        rebuilds = app.getBean(ProjectionRebuilds.class);
        CaseDataset dataset = new CaseDataset(41, new CaseDataset.Sizes(400, 6_000, 2, 400, 0, 20));
        EventStoreLoader.load(dataset, app.getBean(EventStorageEngine.class), 200);
        EventStoreLoader.recordCaseReach(jdbc);
        CaseApi.ensureAccount(app.getBean(AccountStore.class), ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
    }

    @Test
    void every_projection_rebuilt_from_the_store_equals_the_live_one_it_replaces() throws Exception {
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(events).isGreaterThanOrEqualTo(6_000);
        List<String> projections = rebuilds.projections();
        assertThat(projections).contains("case-views");
        for (String projection : projections) {
            String schema = projection.replace('-', '_');
            awaitCaughtUp(projection);
            List<String> tables = tablesOf(schema);
            jdbc.execute("DROP SCHEMA IF EXISTS before_rebuild CASCADE");
            jdbc.execute("CREATE SCHEMA before_rebuild");
            for (String table : tables) {
                jdbc.execute("CREATE TABLE before_rebuild." + table + " AS SELECT * FROM " + schema + "." + table);
            }

            RebuildProgress done = rebuilds.rebuild(projection, Duration.ofMinutes(3));

            assertThat(done.state()).as(done.failure()).isEqualTo(RebuildProgress.State.DONE);
            assertThat(done.eventsDone()).isEqualTo(events);
            awaitCaughtUp(projection);
            assertThat(tablesOf(schema)).isEqualTo(tables);
            for (String table : tables) {
                long rows = count("SELECT count(*) FROM " + schema + "." + table);
                assertThat(rows)
                        .as(schema + "." + table + " rows")
                        .isEqualTo(count("SELECT count(*) FROM before_rebuild." + table));
                assertThat(count("SELECT count(*) FROM (SELECT * FROM " + schema + "." + table
                                + " EXCEPT ALL SELECT * FROM before_rebuild." + table + ") d"))
                        .as(table + " rebuilt only")
                        .isZero();
                assertThat(count("SELECT count(*) FROM (SELECT * FROM before_rebuild." + table
                                + " EXCEPT ALL SELECT * FROM " + schema + "." + table + ") d"))
                        .as(table + " live only")
                        .isZero();
            }
            assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('" + schema + "_rebuild', '" + schema
                            + "_retired')"))
                    .isZero();
        }
        assertThat(count("SELECT count(*) FROM case_view")).isGreaterThanOrEqualTo(400);
    }

    /** The store read once for all four: each still equals its live tables, and all are switched in. */
    @Test
    void every_projection_rebuilt_together_from_one_read_of_the_store_equals_the_live_one_it_replaces() {
        CaseApi administrator = new CaseApi(http(), ADMINISTRATOR);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        List<String> projections = rebuilds.projections();
        assertThat(projections).contains("case-views", "caseload", "work-queue", "activity-report");
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        for (String projection : projections) {
            String schema = projection.replace('-', '_');
            awaitCaughtUp(projection);
            tables.put(projection, tablesOf(schema));
            jdbc.execute("DROP SCHEMA IF EXISTS before_" + schema + " CASCADE");
            jdbc.execute("CREATE SCHEMA before_" + schema);
            for (String table : tablesOf(schema)) {
                jdbc.execute(
                        "CREATE TABLE before_" + schema + "." + table + " AS SELECT * FROM " + schema + "." + table);
            }
        }

        ResponseEntity<String> started = administrator.post("/api/projections/rebuild", "", Map.of());

        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(json(started).read("$[*].projection", List.class)).containsExactlyElementsOf(projections);
        await().atMost(Duration.ofMinutes(3))
                .until(() -> projections.stream()
                        .allMatch(name -> rebuilds.progress(name).orElseThrow().finishedAt() != null));
        for (String projection : projections) {
            RebuildProgress done = rebuilds.progress(projection).orElseThrow();
            assertThat(done.state()).as(projection + ": " + done.failure()).isEqualTo(RebuildProgress.State.DONE);
            assertThat(done.eventsDone()).as(projection).isEqualTo(events);
            String schema = projection.replace('-', '_');
            awaitCaughtUp(projection);
            assertThat(tablesOf(schema)).isEqualTo(tables.get(projection));
            for (String table : tables.get(projection)) {
                String live = schema + "." + table;
                String before = "before_" + schema + "." + table;
                assertThat(count("SELECT count(*) FROM " + live))
                        .as(live + " rows")
                        .isEqualTo(count("SELECT count(*) FROM " + before));
                assertThat(count("SELECT count(*) FROM (SELECT * FROM " + live + " EXCEPT ALL SELECT * FROM " + before
                                + ") d"))
                        .as(live + " rebuilt only")
                        .isZero();
                assertThat(count("SELECT count(*) FROM (SELECT * FROM " + before + " EXCEPT ALL SELECT * FROM " + live
                                + ") d"))
                        .as(live + " live only")
                        .isZero();
            }
            assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('" + schema + "_rebuild', '" + schema
                            + "_retired')"))
                    .isZero();
            jdbc.execute("DROP SCHEMA before_" + schema + " CASCADE");
        }
    }

    /** All or none: one of them being rebuilt elsewhere starts none of the others. */
    @Test
    void projections_rebuilt_together_start_none_when_one_is_being_rebuilt_elsewhere() throws Exception {
        List<String> projections = rebuilds.projections();
        try (Connection otherNode = jdbc.getDataSource().getConnection()) {
            new JdbcTemplate(new SingleConnectionDataSource(otherNode, true))
                    .queryForList("SELECT pg_advisory_lock(hashtextextended('projection-rebuild:caseload', 0))");
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> rebuilds.start(projections))
                        .isInstanceOf(fr.rep.caseengine.query.rebuild.RebuildAlreadyRunning.class)
                        .hasMessageContaining("caseload");
                JdbcTemplate elsewhere = new JdbcTemplate(new SingleConnectionDataSource(otherNode, true));
                for (String projection : projections) {
                    assertThat(rebuilds.progress(projection).map(RebuildProgress::state))
                            .as(projection)
                            .isNotEqualTo(java.util.Optional.of(RebuildProgress.State.PREPARING));
                    assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '"
                                    + projection.replace('-', '_') + "_rebuild'"))
                            .as(projection)
                            .isZero();
                    // The locks taken before the refusal were let go: another node may rebuild those.
                    assertThat(elsewhere.queryForObject(
                                    "SELECT pg_try_advisory_lock(hashtextextended(?, 0))",
                                    Boolean.class,
                                    "projection-rebuild:" + projection))
                            .as(projection)
                            .isEqualTo(true);
                    elsewhere.queryForObject(
                            "SELECT pg_advisory_unlock(hashtextextended(?, 0))",
                            Boolean.class,
                            "projection-rebuild:" + projection);
                }
            } finally {
                new JdbcTemplate(new SingleConnectionDataSource(otherNode, true))
                        .queryForList("SELECT pg_advisory_unlock(hashtextextended('projection-rebuild:caseload', 0))");
            }
        }
        RebuildProgress rebuilt = rebuilds.rebuild("caseload", Duration.ofMinutes(2));
        assertThat(rebuilt.state()).as("once the other run ended: %s", rebuilt).isEqualTo(RebuildProgress.State.DONE);
    }

    @Test
    void the_live_views_serve_during_a_rebuild_and_a_command_made_meanwhile_is_in_the_rebuilt_view() {
        CaseApi caseworker = CaseApi.caseworker(http(), app.getBean(AccountStore.class));
        CaseApi administrator = new CaseApi(http(), ADMINISTRATOR);
        String caseId = caseworker.openCase().read("$.caseId");
        awaitCaughtUp("case-views");

        ResponseEntity<String> started = administrator.post("/api/projections/case-views/rebuild", "", Map.of());
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/projections/case-views/rebuild");
        assertThat(caseworker.get("/api/cases/" + caseId).getStatusCode().value())
                .isEqualTo(200);
        String father = json(caseworker.get("/api/cases/" + caseId)).read("$.adults[0].subjectId");
        assertThat(caseworker
                        .post(
                                "/api/cases/" + caseId + "/consents",
                                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(CaseApi.daysAgo(1), father),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(administrator
                        .post("/api/projections/case-views/rebuild", "", Map.of())
                        .getStatusCode()
                        .value())
                .isIn(202, 409);

        await().atMost(Duration.ofMinutes(3))
                .until(() -> "DONE"
                        .equals(json(administrator.get("/api/projections/case-views/rebuild"))
                                .read("$.state")));
        DocumentContext progress = json(administrator.get("/api/projections/case-views/rebuild"));
        assertThat(progress.read("$.eventsDone", Long.class))
                .isPositive()
                .isEqualTo(progress.read("$.eventsTotal", Long.class));
        assertThat(progress.read("$.eventsPerSecond", Double.class)).isPositive();
        assertThat(json(caseworker.get("/api/cases/" + caseId + "?minVersion=1"))
                        .read("$.version", Long.class))
                .isEqualTo(1L);
        assertThat(json(caseworker.get("/api/cases/" + caseId + "/history")).read("$.events.length()", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void an_unknown_projection_cannot_be_rebuilt_and_only_administrators_may_ask() {
        CaseApi administrator = new CaseApi(http(), ADMINISTRATOR);
        ResponseEntity<String> unknown = administrator.post("/api/projections/no-such-view/rebuild", "", Map.of());
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(administrator.get("/api/projections")).read("$[*].name", List.class))
                .contains("case-views");
        CaseApi caseworker = CaseApi.caseworker(http(), app.getBean(AccountStore.class));
        assertThat(caseworker
                        .post("/api/projections/case-views/rebuild", "", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    /** As when another node of the database is rebuilding it: its run holds the lock and the shadow schema. */
    @Test
    void a_projection_being_rebuilt_on_another_node_is_not_rebuilt_here_and_its_shadow_is_left_alone()
            throws Exception {
        CaseApi administrator = new CaseApi(http(), ADMINISTRATOR);
        try (Connection otherNode = jdbc.getDataSource().getConnection()) {
            new JdbcTemplate(new SingleConnectionDataSource(otherNode, true))
                    .queryForList("SELECT pg_advisory_lock(hashtextextended('projection-rebuild:work-queue', 0))");
            jdbc.execute("CREATE SCHEMA work_queue_rebuild");
            jdbc.execute("CREATE TABLE work_queue_rebuild.replayed_so_far (n INT)");
            try {
                ResponseEntity<String> refused =
                        administrator.post("/api/projections/work-queue/rebuild", "", Map.of());

                assertThat(refused.getStatusCode().value()).isEqualTo(409);
                assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(tablesOf("work_queue_rebuild")).containsExactly("replayed_so_far");
            } finally {
                new JdbcTemplate(new SingleConnectionDataSource(otherNode, true))
                        .queryForList(
                                "SELECT pg_advisory_unlock(hashtextextended('projection-rebuild:work-queue', 0))");
                jdbc.execute("DROP SCHEMA work_queue_rebuild CASCADE");
            }
        }
        RebuildProgress rebuilt = rebuilds.rebuild("work-queue", Duration.ofMinutes(2));
        assertThat(rebuilt.state()).as("once the other run ended: %s", rebuilt).isEqualTo(RebuildProgress.State.DONE);
    }

    private static void awaitCaughtUp(String projection) {
        IsolatedApp.awaitCaughtUp(app, projection);
    }

    private static List<String> tablesOf(String schema) {
        return jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY 1", String.class, schema);
    }

    private static long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static TestRestTemplate http() {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }
}
