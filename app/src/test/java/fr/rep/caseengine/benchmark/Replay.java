package fr.rep.caseengine.benchmark;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilding every projection from the whole event store, against what reading the store costs. The "case-views"
 * group (case list, detail and history) is the only projection; its handlers have no reset handler, so a rebuild is
 * what an operator would do: stop the processor, empty its tables, reset its tokens to the start and let it run until
 * it has caught up with the last event.
 */
final class Replay {

    static final List<String> VIEW_TABLES = List.of("case_view", "case_view_person", "case_history_entry");

    /** How many events were read or applied and how long it took. */
    record Rate(long events, Duration took) {

        double perSecond() {
            return events / (took.toNanos() / 1e9);
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
            serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(3), byte[].class, rows.getString(1),
                    rows.getString(2)));
            serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(4), byte[].class,
                    "org.axonframework.messaging.MetaData", null));
        });
    }

    /** Empties the views, resets the processor and times it until every segment has passed the last event. */
    Rate rebuild() throws SQLException {
        StreamingEventProcessor processor = engine.caseViewsProcessor();
        processor.shutDown();
        long lastIndex;
        long events;
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", VIEW_TABLES));
            try (ResultSet store = statement.executeQuery(
                    "SELECT max(global_index), count(*) FROM domain_event_entry")) {
                store.next();
                lastIndex = store.getLong(1);
                events = store.getLong(2);
            }
        }
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        awaitCaughtUp(processor, lastIndex, Duration.ofHours(2));
        return new Rate(events, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The least PostgreSQL needs to write what the rebuild wrote: the rebuilt view tables copied set-wise into empty
     * tables with the same indexes, one statement per table.
     */
    Rate viewWriteFloor(long events) throws SQLException {
        long took = 0;
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement()) {
            for (String table : VIEW_TABLES) {
                statement.execute("DROP TABLE IF EXISTS bench_floor_" + table);
                statement.execute("CREATE TABLE bench_floor_" + table + " (LIKE " + table + " INCLUDING ALL)");
                long start = System.nanoTime();
                statement.execute("INSERT INTO bench_floor_" + table + " SELECT * FROM " + table);
                took += System.nanoTime() - start;
                statement.execute("DROP TABLE bench_floor_" + table);
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
                throw new IllegalStateException("the case-views processor did not reach event " + lastIndex
                        + " within " + patience + ": " + processor.processingStatus());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static boolean caughtUp(Map<Integer, EventTrackerStatus> segments, StreamingEventProcessor processor,
                                    long lastIndex) {
        return !segments.isEmpty() && !processor.isError() && coversEverySegment(segments)
                && segments.values().stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= lastIndex);
    }

    /** Whether the claimed segments add up to the whole stream (each covers 1/(mask+1) of it). */
    private static boolean coversEverySegment(Map<Integer, EventTrackerStatus> segments) {
        double covered = segments.values().stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1))
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
