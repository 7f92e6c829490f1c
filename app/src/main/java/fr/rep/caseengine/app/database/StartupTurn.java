package fr.rep.caseengine.app.database;

import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the start-up tasks that look at the shared database and then change it (create the first administrator,
 * load the demo dataset, erase again those named by the erasure list) take turns across the nodes of one database:
 * each runs under one PostgreSQL session advisory lock, so that nodes started together do not all find the store
 * empty and all act on it — the second to start a task waits for the first to finish and then finds it done.
 * The lock ends with its connection: a node killed during its task holds nobody back.
 */
@Component
public class StartupTurn {

    /** The advisory lock's key: "REP" "START" in ASCII, apart from the other locks of the app. */
    static final long LOCK = 0x5245_5053_5441_5254L;

    private static final Logger LOG = LoggerFactory.getLogger(StartupTurn.class);

    private final JdbcTemplate jdbc;

    /** On the data source, not a JdbcTemplate bean: the command-line tools scan this package without one. */
    StartupTurn(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Runs {@code task} once no other node runs a start-up task; {@code name} says which in the log. */
    public void run(String name, Runnable task) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (var taken = lock.executeQuery()) {
                    if (!taken.next() || !taken.getBoolean(1)) {
                        LOG.info("Another node is running a start-up task; {} waits for it", name);
                        try (PreparedStatement wait = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                            wait.setLong(1, LOCK);
                            wait.execute();
                        }
                    }
                }
            }
            try {
                task.run();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
            return null;
        });
    }
}
