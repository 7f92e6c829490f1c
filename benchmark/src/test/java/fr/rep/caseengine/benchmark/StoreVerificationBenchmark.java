package fr.rep.caseengine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.app.hashchain.StoreChainSealer;
import fr.rep.caseengine.app.hashchain.StoreVerification;
import fr.rep.caseengine.app.hashchain.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long verifying the hash chains of a generated store takes (1,000,000 events by default, {@code bench.events}
 * and {@code bench.cases} as for the benchmark), and what sealing costs an append. Not part of the default build (its
 * name matches no test pattern): {@code ./mvnw -B -Pbenchmark -pl benchmark -am verify
 * -Dtest=StoreVerificationBenchmark}. The table goes to the console and to
 * {@code target/benchmark-verification/report.md}.
 */
class StoreVerificationBenchmark {

    private static final Duration APPEND_WINDOW = Duration.ofSeconds(Long.getLong("bench.appendSeconds", 10));
    private static final Duration WARMUP = Duration.ofSeconds(3);

    @Test
    void verifies_a_million_events_in_under_a_minute() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Path directory = Path.of("target/benchmark-verification").toAbsolutePath();
        deleteRecursively(directory);
        List<String> rows = new ArrayList<>();
        try (EngineInstance engine = EngineInstance.start(directory.resolve("data"), settings.tuning())) {
            engine.bean(EventProcessingConfiguration.class)
                    .eventProcessors()
                    .values()
                    .forEach(EventProcessor::shutDown);
            CaseDataset dataset = new CaseDataset(settings.seed(), settings.dataset());
            EventStoreLoader.Loaded loaded =
                    EventStoreLoader.load(dataset, engine.bean(EventStorageEngine.class), settings.loadBatchSize());
            rows.add(row(
                    "load through the sealing engine, transactions of " + settings.loadBatchSize() + " events",
                    loaded.events() + " events",
                    loaded.took(),
                    loaded.perSecond()));

            // The store chain is sealed after commit, in the background during the load: what is left is sealed now.
            long catchUpStart = System.nanoTime();
            long leftPending = engine.bean(StoreChainSealer.class).sealPending();
            Duration catchUp = Duration.ofNanos(System.nanoTime() - catchUpStart);
            rows.add(row(
                    "store seal of the events still pending at the end of the load",
                    leftPending + " events",
                    catchUp,
                    leftPending / Math.max(catchUp.toNanos() / 1e9, 1e-9)));

            StoreVerification verification = engine.bean(StoreVerification.class);
            for (String run : List.of("first", "second")) {
                long start = System.nanoTime();
                VerificationReport report = verification.verify(Optional.empty());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(report.intact())
                        .as(String.valueOf(report.firstBrokenLink()))
                        .isTrue();
                assertThat(report.events()).isEqualTo(loaded.events());
                assertThat(report.awaitingStoreSeal()).isZero();
                rows.add(row(
                        "verification of both chains (" + run + " run), " + report.aggregates() + " cases",
                        report.events() + " events",
                        took,
                        report.events() / (took.toNanos() / 1e9)));
                if (run.equals("second")) {
                    assertThat(took)
                            .as("verification of %d events", report.events())
                            .isLessThan(Duration.ofMinutes(1));
                }
            }
            Replay.Rate scan = new Replay(engine).rawScan();
            rows.add(row(
                    "for comparison: raw ordered scan of domain_event_entry (all columns)",
                    scan.events() + " events",
                    scan.took(),
                    scan.perSecond()));

            // Last, as the plain engine's rows are unsealed and would fail a later verification.
            EventStorageEngine sealing = engine.bean(EventStorageEngine.class);
            EventStorageEngine plain = plainEngine(engine);
            // Both append paths warmed up first, so that neither pays for the JIT in its measured window.
            appends("sealed", sealing, 1, WARMUP);
            appends("plain (no chain)", plain, 1, WARMUP);
            StoreChainSealer sealer = engine.bean(StoreChainSealer.class);
            for (int threads : List.of(1, 4)) {
                rows.add(appends("sealed", sealing, threads, APPEND_WINDOW));
                long pending = engine.bean(JdbcTemplate.class)
                        .queryForObject("SELECT count(*) FROM event_chain WHERE store_position IS NULL", Long.class);
                long start = System.nanoTime();
                long sealed = sealer.sealPending();
                rows.add(row(
                        "  then awaiting their store seal at the window's end (" + pending + "), sealed",
                        sealed + " events",
                        Duration.ofNanos(System.nanoTime() - start),
                        sealed / Math.max((System.nanoTime() - start) / 1e9, 1e-9)));
                rows.add(appends("plain (no chain)", plain, threads, APPEND_WINDOW));
                // Again, after the plain engine's window: on a shared machine the first window pays for what the
                // load left behind (autovacuum); the spread of the two tells the noise.
                rows.add(appends("sealed (again)", sealing, threads, APPEND_WINDOW));
                // What the appending transactions pay by themselves: the sealer stopped during the window.
                sealer.stop();
                rows.add(appends("case chain only (sealer stopped)", sealing, threads, APPEND_WINDOW));
                start = System.nanoTime();
                sealed = sealer.sealPending();
                rows.add(row(
                        "  then their store seal, by one caller",
                        sealed + " events",
                        Duration.ofNanos(System.nanoTime() - start),
                        sealed / Math.max((System.nanoTime() - start) / 1e9, 1e-9)));
                sealer.start();
            }
        }
        String table = "| measure | size | took | rate |\n|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.md"), table);
        System.out.println("\n" + table);
    }

    /** One event per transaction (a new case's first event), from several threads, for the window. */
    private static String appends(String engineName, EventStorageEngine engine, int threads, Duration window)
            throws Exception {
        GeneratedEvent first = firstEvent();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + window.toNanos();
        long start = System.nanoTime();
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                long appended = 0;
                while (System.nanoTime() < end) {
                    engine.appendEvents(new GenericDomainEventMessage<>(
                            GeneratedEvent.AGGREGATE_TYPE,
                            UUID.randomUUID().toString(),
                            0,
                            first.payload(),
                            first.toMessage().getMetaData()));
                    appended++;
                }
                return appended;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return row(
                "appends of one event per transaction, " + engineName + ", " + threads + " thread(s)",
                total + " events",
                took,
                total / (took.toNanos() / 1e9));
    }

    private static GeneratedEvent firstEvent() {
        GeneratedEvent[] first = new GeneratedEvent[1];
        new CaseDataset(BenchmarkSettings.DEFAULT_SEED, new CaseDataset.Sizes(50, 200, 1, 40, 10, 40))
                .generate(event -> {
                    if (first[0] == null) {
                        first[0] = event;
                    }
                });
        return first[0];
    }

    /** Axon's JDBC engine with the app's settings, without the chain. */
    private static EventStorageEngine plainEngine(EngineInstance engine) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(engine.bean(Serializer.class))
                .eventSerializer(engine.bean("eventSerializer", Serializer.class))
                .persistenceExceptionResolver(engine.bean(PersistenceExceptionResolver.class))
                .connectionProvider(engine.bean(ConnectionProvider.class))
                .transactionManager(engine.bean(TransactionManager.class))
                .schema(engine.bean(EventSchema.class))
                .build();
    }

    private static String row(String measure, String size, Duration took, double perSecond) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.1f s | %,.0f events/s |",
                measure,
                size,
                took.toMillis() / 1000.0,
                perSecond);
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
