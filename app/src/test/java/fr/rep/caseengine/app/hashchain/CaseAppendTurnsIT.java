package fr.rep.caseengine.app.hashchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.familycase.RecordInterview;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to one case take turns from their append to their commit, whichever thread or node makes them: a later
 * append waits, then follows what the earlier one left in the store, or fails as a conflict to retry; it never chains
 * against a predecessor it cannot see.
 */
class CaseAppendTurnsIT extends EmbeddedDatabaseTest {

    private static final String PROBE = "CaseAppendTurnsProbe";
    private static final Duration BLOCKED = Duration.ofSeconds(20);

    @Autowired
    EventStorageEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StoreChainSealer sealer;

    @Autowired
    StoreVerification verification;

    @Autowired
    CommandGateway commands;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    @Qualifier("familyCaseCache")
    Cache familyCases;

    @Test
    void an_append_after_a_predecessor_that_rolled_back_is_a_conflict_not_a_link_from_zero_bytes() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(events(aggregate, 0, 1));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch rollBack = new CountDownLatch(1);
        CompletableFuture<Void> first = inTransaction(() -> {
            engine.appendEvents(events(aggregate, 1, 1));
            appended.countDown();
            reach(rollBack);
            throw new IllegalStateException("the first transaction rolls back after its append");
        });
        reach(appended);

        // Decided after #1, as a command reading the cached case would: waits for the first transaction's end.
        CompletableFuture<Void> second = inTransaction(() -> engine.appendEvents(events(aggregate, 2, 1)));
        awaitWaitingForTheirTurn(1);
        assertThat(second).isNotDone();
        rollBack.countDown();

        assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("only up to #0");
        assertThat(sequenceNumbers(aggregate)).containsExactly(0L);
        assertIntact();
    }

    @Test
    void an_append_that_waited_follows_the_event_committed_meanwhile_or_conflicts_with_it() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(events(aggregate, 0, 1));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> first = inTransaction(() -> {
            engine.appendEvents(events(aggregate, 1, 1));
            appended.countDown();
            reach(commit);
        });
        reach(appended);

        CompletableFuture<Void> follows = inTransaction(() -> engine.appendEvents(events(aggregate, 2, 1)));
        CompletableFuture<Void> sameNumber = inTransaction(() -> engine.appendEvents(events(aggregate, 1, 1)));
        awaitWaitingForTheirTurn(2);
        assertThat(follows).isNotDone();
        assertThat(sameNumber).isNotDone();
        commit.countDown();

        first.get(30, TimeUnit.SECONDS);
        follows.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> sameNumber.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(sequenceNumbers(aggregate)).containsExactly(0L, 1L, 2L);
        assertIntact();
    }

    @Test
    void two_transactions_appending_to_two_cases_in_opposite_orders_deadlock_and_one_is_a_retryable_conflict()
            throws Exception {
        String one = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        engine.appendEvents(events(one, 0, 1));
        engine.appendEvents(events(other, 0, 1));
        CountDownLatch bothHoldOne = new CountDownLatch(2);

        CompletableFuture<Void> forward = inTransaction(() -> {
            engine.appendEvents(events(one, 1, 1));
            bothHoldOne.countDown();
            reach(bothHoldOne);
            engine.appendEvents(events(other, 1, 1));
        });
        CompletableFuture<Void> backward = inTransaction(() -> {
            engine.appendEvents(events(other, 1, 1));
            bothHoldOne.countDown();
            reach(bothHoldOne);
            engine.appendEvents(events(one, 1, 1));
        });

        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> transaction : List.of(forward, backward)) {
            try {
                transaction.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures)
                .as("PostgreSQL breaks the deadlock by failing one of the two")
                .singleElement()
                .isInstanceOf(ConcurrencyException.class);
        assertThat(sequenceNumbers(one)).containsExactly(0L, 1L);
        assertThat(sequenceNumbers(other)).containsExactly(0L, 1L);
        assertIntact();
    }

    @Test
    void a_case_whose_command_transaction_rolled_back_is_read_again_from_the_store_not_from_the_cache() {
        CaseApi api = CaseApi.caseworker(http, accounts);
        String caseId = api.openCase().read("$.caseId");
        List<Long> stored = sequenceNumbers(caseId);
        long version = stored.get(stored.size() - 1);

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Object cached = new Object();
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordInterview(
                            CaseId.of(caseId),
                            null,
                            Instant.now().minusSeconds(60),
                            InterviewKind.INTERMEDIATE,
                            List.of(InterviewParticipant.DETAINED_PARENT),
                            InterviewPlace.IN_DETENTION))
                    .andMetaData(Map.of(EventMetadata.ACTOR, CaseApi.CASEWORKER)));
            // Axon's unit of work committed and cached the case one version on; the transaction around it does not.
            // The weak cache may lose that entry to any garbage collection: one held here stands for it, so that
            // only an eviction removes it.
            familyCases.put(caseId, cached);
            status.setRollbackOnly();
        });

        assertThat((Object) familyCases.get(caseId))
                .as("evicted when the transaction rolled back")
                .isNull();
        assertThat(sequenceNumbers(caseId)).isEqualTo(stored);
        assertThat(api.post(
                                "/api/cases/" + caseId + "/interviews",
                                """
                {"occurredAt": "%s", "kind": "INTERMEDIATE", "participants": ["DETAINED_PARENT"],
                 "place": "IN_DETENTION"}""".formatted(CaseApi.daysAgo(1)),
                                Map.of("If-Match", "\"" + version + "\""))
                        .getStatusCode()
                        .value())
                .as("the version stored is still the case's version")
                .isEqualTo(200);
        Reference.reachabilityFence(cached);
        assertIntact();
    }

    private CompletableFuture<Void> inTransaction(Runnable work) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> work.run()));
    }

    /** Until {@code transactions} transactions wait for a case's turn (an advisory lock not granted yet). */
    private void awaitWaitingForTheirTurn(int transactions) {
        await().atMost(BLOCKED)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Long.class)
                        >= transactions);
    }

    private static void reach(CountDownLatch latch) {
        try {
            if (!latch.await(BLOCKED.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Long> sequenceNumbers(String aggregate) {
        return jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number",
                Long.class,
                aggregate);
    }

    private void assertIntact() {
        sealer.sealPendingBeforeVerifying();
        VerificationReport report = verification.verify(Optional.empty());
        assertThat(report.intact())
                .as(report.problems() + " problems, the first: " + report.firstBrokenLink())
                .isTrue();
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
