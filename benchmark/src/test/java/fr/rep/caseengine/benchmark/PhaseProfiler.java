package fr.rep.caseengine.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes during one phase, from three angles: CPU seconds of this JVM, of the PostgreSQL server (its
 * main process and every backend) and of everything else on the machine; what PostgreSQL's backends are doing
 * (sampled from {@code pg_stat_activity}) and which statements took its time ({@code pg_stat_statements}, loaded
 * by {@link EngineInstance}); and, when asked, a JFR recording of this JVM summarised as the methods and the layers
 * (driver, Axon, Jackson, Tomcat...) its threads were running.
 */
final class PhaseProfiler {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final Duration ACTIVITY_SAMPLING = Duration.ofMillis(20);
    private static final int HOT_METHODS = 8;
    private static final int BACKEND_STATES = 6;
    private static final int TOP_STATEMENTS = 8;
    /** Package prefixes naming the layers JFR samples are charged to; JDK frames go to their nearest caller here. */
    private static final Map<String, String> LAYERS = layers();

    /** What one phase cost and where. */
    record Profile(
            String phase,
            Duration took,
            double jvmCores,
            double postgresCores,
            double otherCores,
            double idleCores,
            Map<String, Double> postgresBackends,
            Map<String, Double> jvmLayers,
            Map<String, Double> jvmThreads,
            List<String> hotMethods,
            List<String> topStatements,
            Path recording) {}

    private final EngineInstance engine;
    private final Path recordings;

    PhaseProfiler(EngineInstance engine, Path recordings) {
        this.engine = engine;
        this.recordings = recordings;
    }

    Running start(String phase, boolean withJfr) throws SQLException {
        return new Running(phase, withJfr);
    }

    /** A phase being profiled; {@link #stop()} returns its profile. */
    final class Running {

        private final String phase;
        private final Recording recording;
        private final long startNanos = System.nanoTime();
        private final CpuTimes startCpu;
        private final Connection connection;
        private final Thread sampler;
        private final Map<String, Long> backendSamples = new HashMap<>();
        private volatile boolean sampling = true;
        private int samples;

        private Running(String phase, boolean withJfr) throws SQLException {
            this.phase = phase;
            this.startCpu = CpuTimes.now(engine.postgresPid());
            this.connection = engine.connect();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                statement.execute("SELECT pg_stat_statements_reset()");
            }
            this.sampler = new Thread(this::sampleActivity, "bench-pg-activity");
            sampler.start();
            if (withJfr) {
                try {
                    recording = new Recording(Configuration.getConfiguration("default"));
                } catch (IOException | ParseException e) {
                    throw new IllegalStateException("the JDK's JFR default settings cannot be read", e);
                }
                recording.start();
            } else {
                recording = null;
            }
        }

        Profile stop() throws SQLException, InterruptedException {
            CpuTimes endCpu = CpuTimes.now(engine.postgresPid());
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            sampling = false;
            sampler.join();
            double seconds = took.toNanos() / 1e9;
            List<String> statements = topStatements(seconds);
            connection.close();
            double jvm = (endCpu.jvmNanos() - startCpu.jvmNanos()) / 1e9 / seconds;
            double postgres =
                    (endCpu.postgresTicks() - startCpu.postgresTicks()) / (double) CLOCK_TICKS_PER_SECOND / seconds;
            double busy = (endCpu.machineBusyTicks() - startCpu.machineBusyTicks())
                    / (double) CLOCK_TICKS_PER_SECOND
                    / seconds;
            double idle = (endCpu.machineIdleTicks() - startCpu.machineIdleTicks())
                    / (double) CLOCK_TICKS_PER_SECOND
                    / seconds;
            Map<String, Double> backends = new LinkedHashMap<>();
            backendSamples.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(entry -> Map.entry(entry.getKey(), entry.getValue() / (double) Math.max(1, samples)))
                    .filter(entry -> entry.getValue() >= 0.01)
                    .limit(BACKEND_STATES)
                    .forEach(entry -> backends.put(entry.getKey(), entry.getValue()));
            if (recording == null) {
                return new Profile(
                        phase,
                        took,
                        jvm,
                        postgres,
                        Math.max(0, busy - jvm - postgres),
                        idle,
                        backends,
                        Map.of(),
                        Map.of(),
                        List.of(),
                        statements,
                        null);
            }
            recording.stop();
            Path file = recordings.resolve(phase.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
            try {
                Files.createDirectories(recordings);
                recording.dump(file);
                recording.close();
                JfrSummary summary = JfrSummary.of(file);
                return new Profile(
                        phase,
                        took,
                        jvm,
                        postgres,
                        Math.max(0, busy - jvm - postgres),
                        idle,
                        backends,
                        summary.layers(),
                        summary.threads(),
                        summary.hotMethods(),
                        statements,
                        file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write or read the JFR recording " + file, e);
            }
        }

        /**
         * The statements that took most of PostgreSQL's execution time during the phase: share of the time in
         * statements, calls per second, mean time per call and rows per call.
         */
        private List<String> topStatements(double seconds) throws SQLException {
            List<String> top = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("""
                         SELECT query, calls, total_exec_time, rows,
                                100 * total_exec_time / nullif(sum(total_exec_time) OVER (), 0) AS share
                         FROM pg_stat_statements
                         WHERE query NOT LIKE '%pg_stat_%'
                         ORDER BY total_exec_time DESC LIMIT\s""" + TOP_STATEMENTS)) {
                while (rows.next()) {
                    long calls = rows.getLong("calls");
                    top.add(String.format(
                            Locale.ROOT,
                            "%.0f %% `%s` (%,.0f calls/s, %.3f ms, %.1f rows each)",
                            rows.getDouble("share"),
                            shorten(rows.getString("query")),
                            calls / seconds,
                            rows.getDouble("total_exec_time") / Math.max(1, calls),
                            rows.getLong("rows") / (double) Math.max(1, calls)));
                }
            }
            return top;
        }

        /** Counts backends by state and wait event, ignoring idle ones and background processes at rest. */
        private void sampleActivity() {
            try (Statement statement = connection.createStatement()) {
                while (sampling) {
                    try (ResultSet rows = statement.executeQuery("""
                            SELECT backend_type, state, wait_event_type, wait_event FROM pg_stat_activity
                            WHERE pid <> pg_backend_pid()""")) {
                        while (rows.next()) {
                            String activity = activity(
                                    rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
                            if (activity != null) {
                                backendSamples.merge(activity, 1L, Long::sum);
                            }
                        }
                    }
                    samples++;
                    LockSupport.parkNanos(ACTIVITY_SAMPLING.toNanos());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot sample pg_stat_activity", e);
            }
        }
    }

    private static String shorten(String query) {
        String oneLine = query.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    private static String activity(String backendType, String state, String waitType, String waitEvent) {
        String waiting = waitType == null ? "on CPU" : waitType + ":" + waitEvent;
        if (!"client backend".equals(backendType)) {
            return waitType == null || "Activity".equals(waitType) ? null : backendType + " " + waiting;
        }
        if ("idle".equals(state)) {
            return null;
        }
        if ("idle in transaction".equals(state)) {
            return "idle in transaction (waiting for the app)";
        }
        return state + " " + waiting;
    }

    /** CPU consumed so far by this JVM, the PostgreSQL server and the whole machine. */
    private record CpuTimes(long jvmNanos, long postgresTicks, long machineBusyTicks, long machineIdleTicks) {

        static CpuTimes now(long postmasterPid) {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            String[] cpu = read(Path.of("/proc/stat"))
                    .lines()
                    .findFirst()
                    .orElseThrow()
                    .trim()
                    .split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new CpuTimes(jvm, postgresTicks(postmasterPid), total - idle, idle);
        }

        /** The postmaster's own and reaped children's time, plus every live backend's. */
        private static long postgresTicks(long postmasterPid) {
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes
                        .filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    String[] stat = stat(process);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    // Fields after the command name: [1] parent pid, [11] utime, [12] stime, [13] cutime, [14] cstime
                    if (pid == postmasterPid) {
                        ticks += Long.parseLong(stat[11])
                                + Long.parseLong(stat[12])
                                + Long.parseLong(stat[13])
                                + Long.parseLong(stat[14]);
                    } else if (Long.parseLong(stat[1]) == postmasterPid) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list processes", e);
            }
            return ticks;
        }

        private static String[] stat(Path process) {
            try {
                String stat = Files.readString(process.resolve("stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException gone) {
                return null;
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** JFR execution samples of this JVM, by layer, by thread and by hottest method. */
    private record JfrSummary(Map<String, Double> layers, Map<String, Double> threads, List<String> hotMethods) {

        static JfrSummary of(Path file) throws IOException {
            Map<String, Long> layers = new HashMap<>();
            Map<String, Long> threads = new HashMap<>();
            Map<String, Long> methods = new HashMap<>();
            long total = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                RecordedFrame top = stack.getFrames().get(0);
                methods.merge(
                        top.getMethod().getType().getName() + "."
                                + top.getMethod().getName(),
                        1L,
                        Long::sum);
                layers.merge(layer(stack), 1L, Long::sum);
                String thread = event.getThread("sampledThread") == null
                        ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-n"), 1L, Long::sum);
            }
            long samples = Math.max(1, total);
            List<String> hot = methods.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(HOT_METHODS)
                    .map(entry -> "%4.1f%% %s".formatted(100.0 * entry.getValue() / samples, entry.getKey()))
                    .toList();
            return new JfrSummary(shares(layers, samples), shares(threads, samples), hot);
        }

        /** The layer of the innermost frame outside the JDK: JDK work is charged to the code that asked for it. */
        private static String layer(RecordedStackTrace stack) {
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                    if (type.startsWith(layer.getKey())) {
                        return layer.getValue();
                    }
                }
            }
            return "JDK only";
        }

        private static Map<String, Double> shares(Map<String, Long> counts, long total) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(8)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            entry -> 100.0 * entry.getValue() / total,
                            (a, b) -> a,
                            LinkedHashMap::new));
        }
    }

    private static Map<String, String> layers() {
        Map<String, String> layers = new LinkedHashMap<>();
        layers.put("org.postgresql", "PostgreSQL JDBC driver");
        layers.put("com.zaxxer.hikari", "Hikari pool");
        layers.put("com.fasterxml.jackson", "Jackson");
        layers.put("org.axonframework", "Axon");
        layers.put("org.apache.catalina", "Tomcat");
        layers.put("org.apache.coyote", "Tomcat");
        layers.put("org.apache.tomcat", "Tomcat");
        layers.put("com.google.crypto.tink", "Tink (personal data)");
        layers.put("com.google.protobuf", "Tink (personal data)");
        layers.put("org.springframework", "Spring");
        layers.put("org.hibernate.validator", "Bean Validation");
        layers.put("fr.rep.caseengine.benchmark", "benchmark client");
        layers.put("fr.rep.caseengine", "case engine");
        layers.put("java.net.http", "benchmark client");
        layers.put("jdk.internal.net.http", "benchmark client");
        return layers;
    }
}
