package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.CaseEngineApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Start-up of the app on an existing store, until it serves requests and until its views have caught up. */
final class Startup {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /**
     * @param toReady      from the start call until the app is ready (web server up, runners done)
     * @param toCaughtUp   until the case-views processor has also handled the store's last event
     * @param storedEvents events in the store
     */
    record Measured(Duration toReady, Duration toCaughtUp, long storedEvents) {}

    private Startup() {}

    /** A fresh Spring context in this JVM, whose classes are already loaded and compiled: a warm start. */
    static Measured inThisJvm(Path dataDirectory, List<String> tuning) throws SQLException {
        long start = System.nanoTime();
        try (EngineInstance engine = EngineInstance.start(dataDirectory, tuning)) {
            Duration ready = Duration.ofNanos(System.nanoTime() - start);
            long lastIndex;
            long events;
            try (Connection connection = engine.connect();
                    Statement statement = connection.createStatement();
                    ResultSet store =
                            statement.executeQuery("SELECT max(global_index), count(*) FROM domain_event_entry")) {
                store.next();
                lastIndex = store.getLong(1);
                events = store.getLong(2);
            }
            for (StreamingEventProcessor processor : engine.projectionProcessors()) {
                Replay.awaitCaughtUp(processor, lastIndex, PATIENCE);
            }
            return new Measured(ready, Duration.ofNanos(System.nanoTime() - start), events);
        }
    }

    /**
     * The app in a new JVM on the same classpath, as a deployment starts it: from launching the process until its
     * health endpoint answers UP. The process is then stopped gracefully (its PostgreSQL with it).
     */
    static Duration inNewJvm(Path dataDirectory, List<String> tuning, Path log)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CaseEngineApplication.class.getName()));
        command.addAll(EngineInstance.arguments(dataDirectory, tuning, port));
        CaseEngineHttpClient client = new CaseEngineHttpClient(port);
        long start = System.nanoTime();
        Process app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            while (!client.isUp()) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the app stopped during start-up; see " + log);
                }
                if (System.nanoTime() - start > PATIENCE.toNanos()) {
                    throw new IllegalStateException("the app was not up after " + PATIENCE + "; see " + log);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            app.destroy();
            if (!app.waitFor(1, TimeUnit.MINUTES)) {
                app.destroyForcibly().waitFor();
            }
        }
    }
}
