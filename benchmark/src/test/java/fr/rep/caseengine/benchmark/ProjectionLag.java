package fr.rep.caseengine.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * How long after a command is acknowledged its case's views show it: the delay a caseworker sees between saving and
 * reading back. A thread polls {@code case_view.version} of every case awaiting a version, on a connection of its own,
 * every {@link #POLL_INTERVAL}; a lag is therefore measured to within one interval (plus one query), never under.
 */
final class ProjectionLag implements AutoCloseable {

    static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private record Awaited(long version, long acknowledgedNanos) {}

    private final Connection connection;
    private final ConcurrentLinkedQueue<Map.Entry<UUID, Awaited>> incoming = new ConcurrentLinkedQueue<>();
    private final Map<UUID, List<Awaited>> pending = new HashMap<>();
    private final Latencies lags = new Latencies();
    private final Thread poller;
    private volatile boolean accepting = true;
    private volatile boolean stopped;
    private int neverSeen;

    ProjectionLag(Connection connection) {
        this.connection = connection;
        this.poller = new Thread(this::poll, "bench-projection-lag");
        poller.start();
    }

    /** The command left {@code caseId} at {@code version}, acknowledged at {@code acknowledgedNanos}. */
    void expect(UUID caseId, long version, long acknowledgedNanos) {
        if (accepting) {
            incoming.add(Map.entry(caseId, new Awaited(version, acknowledgedNanos)));
        }
    }

    /**
     * Stops taking commands, waits until the views show every one awaited (at most {@code patience}) and returns the
     * lags. A command still not visible then counts with the time it has waited so far.
     */
    Result finish(Duration patience) throws InterruptedException {
        accepting = false;
        long deadline = System.nanoTime() + patience.toNanos();
        while (!isSettled() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
        stopped = true;
        poller.join();
        long now = System.nanoTime();
        for (List<Awaited> waiting : pending.values()) {
            for (Awaited awaited : waiting) {
                lags.record(now - awaited.acknowledgedNanos());
                neverSeen++;
            }
        }
        return new Result(lags, neverSeen);
    }

    record Result(Latencies lags, int notVisibleInTime) {}

    private synchronized boolean isSettled() {
        return incoming.isEmpty() && pending.isEmpty();
    }

    private void poll() {
        try (PreparedStatement versions =
                connection.prepareStatement("SELECT case_id, version FROM case_view WHERE case_id = ANY (?)")) {
            while (!stopped) {
                synchronized (this) {
                    for (Map.Entry<UUID, Awaited> entry; (entry = incoming.poll()) != null; ) {
                        pending.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                                .add(entry.getValue());
                    }
                    if (!pending.isEmpty()) {
                        resolve(versions);
                    }
                }
                LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the projection-lag probe cannot read case_view", e);
        }
    }

    private void resolve(PreparedStatement versions) throws SQLException {
        Array ids = connection.createArrayOf("uuid", pending.keySet().toArray());
        versions.setArray(1, ids);
        try (ResultSet rows = versions.executeQuery()) {
            long seenAt = System.nanoTime();
            while (rows.next()) {
                UUID caseId = rows.getObject(1, UUID.class);
                long version = rows.getLong(2);
                List<Awaited> waiting = pending.get(caseId);
                for (Iterator<Awaited> it = waiting.iterator(); it.hasNext(); ) {
                    Awaited awaited = it.next();
                    if (awaited.version() <= version) {
                        lags.record(seenAt - awaited.acknowledgedNanos());
                        it.remove();
                    }
                }
                if (waiting.isEmpty()) {
                    pending.remove(caseId);
                }
            }
        } finally {
            ids.free();
        }
    }

    @Override
    public void close() throws SQLException {
        stopped = true;
        connection.close();
    }
}
