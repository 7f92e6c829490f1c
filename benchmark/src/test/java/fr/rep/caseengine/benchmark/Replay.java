package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.postgresql.PGStatement;

/**
 * Rebuilding every projection from the whole event store, against what reading the store costs. A rebuild is what an
 * operator does: each projection replayed into a shadow schema beside the live one and switched in when caught up.
 */
final class Replay {

    /**
     * How many events were read or applied and how long it took.
     *
     * @param statements the statements the database ran meanwhile, for a rebuild (else 0)
     */
    record Rate(long events, Duration took, long statements) {

        Rate(long events, Duration took) {
            this(events, took, 0);
        }

        double perSecond() {
            return events / (took.toNanos() / 1e9);
        }

        double statementsPerEvent() {
            return statements / (double) events;
        }
    }

    private final EngineInstance engine;

    Replay(EngineInstance engine) {
        this.engine = engine;
    }

    /** The floor for any reader: every column of every event, payload bytes included, in global order. */
    Rate rawScan() throws SQLException {
        return scan("""
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry ORDER BY global_index""", rows -> {
            rows.getLong(1);
            rows.getString(2);
            rows.getString(3);
            rows.getLong(4);
            rows.getString(5);
            rows.getString(6);
            rows.getString(7);
            rows.getString(8);
            rows.getBytes(9);
            rows.getBytes(10);
        });
    }

    /** The scan plus turning payloads and metadata back into objects with the app's serializer, as a processor does. */
    Rate scanAndDeserialize(Serializer serializer) throws SQLException {
        return scan("""
                SELECT payload_type, payload_revision, payload, meta_data FROM domain_event_entry
                ORDER BY global_index""", rows -> {
            serializer.deserialize(
                    new SimpleSerializedObject<>(rows.getBytes(3), byte[].class, rows.getString(1), rows.getString(2)));
            serializer.deserialize(new SimpleSerializedObject<>(
                    rows.getBytes(4), byte[].class, "org.axonframework.messaging.MetaData", null));
        });
    }

    /** The projections rebuilt in (c). */
    List<String> projections() {
        return engine.bean(ProjectionRebuilds.class).projections();
    }

    /**
     * Rebuilds every projection at once, as an operator would ({@link ProjectionRebuilds}: shadow schemas, replay,
     * switch), and times it until the last one serves its rebuilt tables. {@code together}: one rebuild of them all,
     * reading the store once; otherwise each started on its own, each reading the whole store (as before they could
     * be rebuilt together). Counts the statements PostgreSQL ran meanwhile ({@code pg_stat_statements}), but for
     * those of the event store and the processors' tokens, which idle processors also run.
     */
    Rate rebuild(boolean together) throws SQLException, InterruptedException {
        ProjectionRebuilds rebuilds = engine.bean(ProjectionRebuilds.class);
        long events;
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement();
                ResultSet store = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            store.next();
            events = store.getLong(1);
        }
        long statementsBefore = projectionStatements();
        long start = System.nanoTime();
        if (together) {
            rebuilds.start(projections());
        } else {
            for (String projection : projections()) {
                rebuilds.start(projection);
            }
        }
        long deadline = start + Duration.ofHours(2).toNanos();
        while (projections().stream()
                .map(name -> rebuilds.progress(name).orElseThrow())
                .anyMatch(progress -> progress.finishedAt() == null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not end within 2 hours");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        long took = System.nanoTime() - start;
        for (String projection : projections()) {
            RebuildProgress progress = rebuilds.progress(projection).orElseThrow();
            if (progress.state() != RebuildProgress.State.DONE) {
                throw new IllegalStateException("the rebuild of " + projection + " failed: " + progress.failure());
            }
        }
        return new Rate(events, Duration.ofNanos(took), projectionStatements() - statementsBefore);
    }

    /**
     * Statements run so far by the database but for the event store's, the tokens' and the scheduler's (which idle
     * processors and schedulers poll), and the benchmark's own; {@code pg_stat_statements} must be loaded.
     */
    private long projectionStatements() throws SQLException {
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet calls = statement.executeQuery("""
                    SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
                    WHERE query NOT ILIKE '%domain_event_entry%' AND query NOT ILIKE '%token_entry%'
                      AND query NOT ILIKE '%event_chain%' AND query NOT ILIKE '%pg_stat%'
                      AND query NOT ILIKE '%pg_catalog%' AND query NOT ILIKE '%pg_namespace%'
                      AND query NOT ILIKE '%pg_tables%' AND query NOT ILIKE '%scheduled_tasks%'""")) {
                calls.next();
                return calls.getLong(1);
            }
        }
    }

    /**
     * The least PostgreSQL needs to write what the rebuild wrote: every rebuilt projection table copied set-wise into
     * an empty table with the same indexes, one statement per table.
     */
    Rate viewWriteFloor(long events) throws SQLException {
        long took = 0;
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement()) {
            for (String projection : projections()) {
                String schema = projection.replace('-', '_');
                List<String> tables = new ArrayList<>();
                try (ResultSet names = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "' ORDER BY 1")) {
                    while (names.next()) {
                        tables.add(names.getString(1));
                    }
                }
                for (String table : tables) {
                    String copy = "public.bench_floor_" + table;
                    statement.execute("DROP TABLE IF EXISTS " + copy);
                    statement.execute("CREATE TABLE " + copy + " (LIKE " + schema + "." + table + " INCLUDING ALL)");
                    long start = System.nanoTime();
                    statement.execute("INSERT INTO " + copy + " SELECT * FROM " + schema + "." + table);
                    took += System.nanoTime() - start;
                    statement.execute("DROP TABLE " + copy);
                }
            }
        }
        return new Rate(events, Duration.ofNanos(took));
    }

    /**
     * Waits until every segment of the processor has handled {@code lastIndex}. (After a reset a segment still says
     * it is replaying at that point: Axon ends the replay only when an event newer than the reset arrives.)
     */
    static void awaitCaughtUp(StreamingEventProcessor processor, long lastIndex, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!caughtUp(processor.processingStatus(), processor, lastIndex)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + processor.getName() + " processor did not reach event "
                        + lastIndex + " within " + patience + ": " + processor.processingStatus());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static boolean caughtUp(
            Map<Integer, EventTrackerStatus> segments, StreamingEventProcessor processor, long lastIndex) {
        return !segments.isEmpty()
                && !processor.isError()
                && coversEverySegment(segments)
                && segments.values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= lastIndex);
    }

    /** Whether the claimed segments add up to the whole stream (each covers 1/(mask+1) of it). */
    private static boolean coversEverySegment(Map<Integer, EventTrackerStatus> segments) {
        double covered = segments.values().stream()
                .mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1))
                .sum();
        return Math.abs(covered - 1.0) < 1e-9;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Reads the query's rows in batches of 10,000 through a cursor, with bytea in PostgreSQL's binary format (as the
     * processor's statements get once the driver prepares them), so that the driver does not decode hex text.
     */
    private Rate scan(String query, RowReader reader) throws SQLException {
        long start = System.nanoTime();
        long events = 0;
        try (Connection connection = engine.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                        events++;
                    }
                }
            }
            connection.commit();
        }
        return new Rate(events, Duration.ofNanos(System.nanoTime() - start));
    }
}
