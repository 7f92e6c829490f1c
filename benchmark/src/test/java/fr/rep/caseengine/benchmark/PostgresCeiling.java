package fr.rep.caseengine.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PostgreSQL's own ceiling for what a command must do at least: one durable INSERT + COMMIT of an event row. The rows
 * go to a copy of {@code domain_event_entry} (same columns, identity, primary key and unique indexes) and carry
 * payloads and metadata taken from the store itself, so they have its sizes. Each insert is its own transaction
 * (auto-commit), on the app's server with its durable settings.
 */
final class PostgresCeiling implements AutoCloseable {

    static final String TABLE = "bench_ceiling_event";
    private static final int SAMPLE_ROWS = 5_000;

    private record Row(
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {}

    private final EngineInstance engine;
    private final List<Row> rows = new ArrayList<>();
    private final long averagePayloadBytes;

    PostgresCeiling(EngineInstance engine) throws SQLException {
        this.engine = engine;
        long payloadBytes = 0;
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
            try (ResultSet sample = statement.executeQuery("""
                    SELECT type, time_stamp, payload_type, payload_revision, payload, meta_data
                    FROM domain_event_entry ORDER BY global_index DESC LIMIT""" + " " + SAMPLE_ROWS)) {
                while (sample.next()) {
                    Row row = new Row(
                            sample.getString(1),
                            sample.getString(2),
                            sample.getString(3),
                            sample.getString(4),
                            sample.getBytes(5),
                            sample.getBytes(6));
                    rows.add(row);
                    payloadBytes += row.payload().length;
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("the event store is empty: load the dataset before measuring the ceiling");
        }
        averagePayloadBytes = payloadBytes / rows.size();
    }

    long averagePayloadBytes() {
        return averagePayloadBytes;
    }

    ClosedLoop.Result measure(int concurrency, Duration warmup, Duration measured) throws InterruptedException {
        return ClosedLoop.run("bench-ceiling", concurrency, warmup, measured, worker -> new Inserter());
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = engine.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    /** One connection inserting one event-shaped row per transaction. */
    private final class Inserter implements ClosedLoop.Worker {

        private final Connection connection;
        private final PreparedStatement insert;

        Inserter() {
            try {
                connection = engine.connect();
                insert = connection.prepareStatement("INSERT INTO " + TABLE + """
                         (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to PostgreSQL", e);
            }
        }

        @Override
        public void runOnce(ClosedLoop.Window window) throws SQLException {
            Row row = rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setLong(3, 0);
            insert.setString(4, row.type());
            insert.setString(5, row.timeStamp());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setBytes(8, row.payload());
            insert.setBytes(9, row.metaData());
            insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
