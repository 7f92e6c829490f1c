package fr.rep.caseengine.app.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, known at once rather than after the pool's 30 s wait: a connection of its own, outside
 * the pool, checked twice a second with a 1 s limit, and the embedded server's supervisor saying when its server died.
 * While the database is down, requests are answered 503 at once ({@link DatabaseUnavailableFilter}) and health is
 * {@code DOWN} (this is the {@code db} health indicator, in place of Spring's, which would wait on the pool); when it
 * answers again (the embedded server restarted, an external one back: the pool reconnects by itself) both come back.
 */
@Component("dbHealthIndicator")
public class DatabaseAvailability implements HealthIndicator, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final long CHECK_EVERY_MS = 500;
    private static final int TIMEOUT_SECONDS = 1;

    private final ObjectProvider<DataSource> pool;
    private final ObjectProvider<EmbeddedPostgresSupervisor> supervisor;
    private final Clock clock;
    private ScheduledExecutorService checks;
    private Connection probe;
    private volatile boolean up = true;
    private volatile String reason = "";
    private volatile Instant since;

    DatabaseAvailability(
            ObjectProvider<DataSource> pool, ObjectProvider<EmbeddedPostgresSupervisor> supervisor, Clock clock) {
        this.pool = pool;
        this.supervisor = supervisor;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** Whether the database answered its last check: what else reads it for health need not wait on the pool. */
    public boolean up() {
        return up;
    }

    String reason() {
        return reason;
    }

    @Override
    public Health health() {
        return (up ? Health.up() : Health.down().withDetail("reason", reason))
                .withDetail("since", since)
                .build();
    }

    /** Told by the supervisor: no need to wait for the next check. */
    void markDown(String why) {
        if (up) {
            up = false;
            reason = why;
            since = clock.instant();
            LOG.error("Database unavailable: {}; requests are answered 503 until it is back", why);
        }
    }

    private void markUp() {
        if (!up) {
            up = true;
            LOG.warn(
                    "Database available again after {} s",
                    java.time.Duration.between(since, clock.instant()).toSeconds());
            since = clock.instant();
            reason = "";
        }
    }

    private void check() {
        try {
            if (probe == null || !probe.isValid(TIMEOUT_SECONDS)) {
                closeProbe();
                probe = connect();
            }
            markUp();
        } catch (SQLException | RuntimeException e) {
            closeProbe();
            markDown("PostgreSQL does not answer (" + e.getMessage() + ")");
        }
    }

    private Connection connect() throws SQLException {
        if (!(pool.getIfUnique() instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("no connection pool to follow");
        }
        Properties properties = new Properties();
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS + 1));
        properties.setProperty("ApplicationName", "rep-case-engine availability");
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // A broken connection: nothing more to release.
            }
            probe = null;
        }
    }

    @Override
    public void start() {
        supervisor.ifAvailable(watched -> watched.onDeath(this::markDown));
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-availability");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(TIMEOUT_SECONDS * 3L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProbe();
    }

    @Override
    public boolean isRunning() {
        return checks != null && !checks.isShutdown();
    }
}
