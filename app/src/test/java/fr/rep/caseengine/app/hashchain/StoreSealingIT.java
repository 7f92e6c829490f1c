package fr.rep.caseengine.app.hashchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store chain sealed after commit, in the running app (whose sealer polls only every 10 minutes here, so that a
 * row sealed sooner was sealed by the wake-up after its commit): appends to different cases commit concurrently, every
 * event is sealed once in a gapless chain, and a sealer's poll finds what another node appended.
 */
class StoreSealingIT extends EmbeddedDatabaseTest {

    private static final String PROBE = "StoreSealingProbe";

    @Autowired
    EventStorageEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StoreVerification verification;

    @Test
    void concurrent_appends_to_different_cases_are_all_sealed_exactly_once_in_a_gapless_chain_that_verifies()
            throws Exception {
        List<String> aggregates = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> appended = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                appended.add(clients.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        String aggregate = UUID.randomUUID().toString();
                        engine.appendEvents(events(aggregate, 0, 1 + i % 3));
                        mine.add(aggregate);
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> future : appended) {
                aggregates.addAll(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        long expected = 4 * 5 * (1 + 2 + 3);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                        Long.class,
                        (Object) aggregates.toArray(String[]::new)))
                .isEqualTo(expected);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.queryForObject("""
                SELECT count(*) FROM event_chain c JOIN domain_event_entry e USING (global_index)
                WHERE e.aggregate_identifier = ANY (?) AND c.store_position IS NOT NULL""", Long.class, (Object) aggregates.toArray(String[]::new)))
                        .isEqualTo(expected));

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e
                WHERE e.aggregate_identifier = ANY (?)
                  AND (SELECT count(*) FROM event_chain c WHERE c.global_index = e.global_index) <> 1""", Long.class, (Object) aggregates.toArray(String[]::new)))
                .as("events with no or several chain rows")
                .isZero();
        Map<String, Object> chain = jdbc.queryForMap("""
                SELECT count(store_position) AS sealed, count(DISTINCT store_position) AS distinct_positions,
                       min(store_position) AS first, max(store_position) AS last FROM event_chain""");
        assertThat(chain.get("first")).isEqualTo(1L);
        assertThat(chain.get("last"))
                .as("no gaps")
                .isEqualTo(chain.get("sealed"))
                .isEqualTo(chain.get("distinct_positions"));
        assertThat(jdbc.queryForObject("SELECT store_position FROM event_chain_head", Long.class))
                .isGreaterThanOrEqualTo((Long) chain.get("last"));
        VerificationReport report = verification.verify(Optional.empty());
        assertThat(report.intact()).as(String.valueOf(report.firstBrokenLink())).isTrue();
    }

    @Test
    void an_append_commits_while_another_transaction_appending_to_another_case_has_not_committed_yet()
            throws Exception {
        CountDownLatch otherCommitted = new CountDownLatch(1);
        String other = UUID.randomUUID().toString();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        boolean sawTheOtherCommit = transaction
                .execute(status -> {
                    engine.appendEvents(events(UUID.randomUUID().toString(), 0, 1));
                    // Runs after the engine's own before-commit work (registered first): this transaction has chained
                    // its
                    // event and is about to commit, as late as a transaction can be.
                    boolean[] saw = new boolean[1];
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            CompletableFuture.runAsync(() -> {
                                engine.appendEvents(events(other, 0, 1));
                                otherCommitted.countDown();
                            });
                            try {
                                saw[0] = otherCommitted.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                    return saw;
                })[0];

        assertThat(sawTheOtherCommit)
                .as("the other append committed before this one did")
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_chain c JOIN domain_event_entry e USING (global_index)
                WHERE e.aggregate_identifier = ? AND c.store_position IS NOT NULL""", Long.class, other)).isOne());
    }

    @Test
    void an_append_is_sealed_right_after_its_commit_by_the_woken_sealer() {
        String aggregate = UUID.randomUUID().toString();

        engine.appendEvents(events(aggregate, 0, 2));

        // Far below the 10 minutes between polls: only the wake-up after the commit can have sealed it.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(jdbc.queryForList("""
                SELECT c.store_position FROM event_chain c JOIN domain_event_entry e USING (global_index)
                WHERE e.aggregate_identifier = ? AND c.store_position IS NOT NULL""", Long.class, aggregate))
                        .hasSize(2));
    }

    @Test
    void a_sealer_polling_seals_what_another_node_appended_and_stops_cleanly() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(events(aggregate, 0, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM event_chain c JOIN domain_event_entry e USING (global_index)
                WHERE e.aggregate_identifier = ? AND c.store_position IS NOT NULL""", Long.class, aggregate) == 1);
        // Another node's engine: it chains its rows into their case, and wakes its own sealer, not this node's.
        StoreChainSealer otherNodesSealer =
                new StoreChainSealer(jdbc, transactions, 1_000, Duration.ofMinutes(10), Duration.ZERO);
        EventSealer otherNode = new EventSealer(jdbc, new TransactionTemplate(transactions), otherNodesSealer);
        String appendedElsewhere = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT ?, aggregate_identifier, 1, type, time_stamp, payload_type, payload_revision, payload,
                        meta_data
                    FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", appendedElsewhere, aggregate);
            otherNode.sealOnCommit(List.of(appendedElsewhere));
        });
        assertThat(storePositionOf(appendedElsewhere))
                .as("pending, with its case link")
                .isEmpty();
        StoreChainSealer polling =
                new StoreChainSealer(jdbc, transactions, 1_000, Duration.ofMillis(100), Duration.ZERO);

        polling.start();
        try {
            assertThat(polling.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> !storePositionOf(appendedElsewhere).isEmpty());
        } finally {
            long start = System.nanoTime();
            polling.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        assertThat(polling.isRunning()).isFalse();
        VerificationReport report = verification.verify(Optional.empty());
        assertThat(report.intact()).as(String.valueOf(report.firstBrokenLink())).isTrue();
    }

    private List<Long> storePositionOf(String eventIdentifier) {
        return jdbc.queryForList(
                "SELECT store_position FROM event_chain WHERE event_identifier = ? " + "AND store_position IS NOT NULL",
                Long.class,
                eventIdentifier);
    }

    /** {@code count} events of one aggregate from {@code first} on, appended together. */
    private static List<GenericDomainEventMessage<String>> events(String aggregate, long first, int count) {
        List<GenericDomainEventMessage<String>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>(PROBE, aggregate, first + i, "probe " + i));
        }
        return events;
    }
}
