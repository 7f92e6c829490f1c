package fr.rep.caseengine.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sizes and durations of a benchmark run. The full run takes its values from {@code bench.*} system properties
 * (see {@link #fromSystemProperties}); the smoke run uses tiny ones.
 *
 * @param directory      where the run keeps its PostgreSQL data, JFR recordings and report; emptied first
 * @param concurrencies  client threads (or connections) for (a) and (b)
 * @param warmup         load before each measured window of (a) and (b)
 * @param ceilingWindow  measured window of each (a) level
 * @param commandWindow  measured window of each (b) level and channel
 * @param queryRequests  measured requests per query of (d); the history gets a quarter as many
 * @param pageRequests   measured requests per page of (g)
 * @param loadBatchSize  events per transaction when loading the dataset
 * @param tuning         extra {@code --name=value} arguments for the app, such as processor settings under test
 * @param coldStart      whether (f) also starts the app in a new JVM, as a deployment would
 * @param jfr            whether phases are recorded with JFR for their profile
 * @param rebuildProbe   empty for the whole run; else only the load and rebuilds of every projection, one per entry,
 *                       {@code together} (the store read once for all) or {@code apart} (each projection started on
 *                       its own, reading the store itself), to compare the two in one run
 * @param skipped        phases not run: {@code commands} ((a), (b), (e)), {@code startup} ((f))
 */
record BenchmarkSettings(
        Path directory,
        long seed,
        CaseDataset.Sizes dataset,
        List<Integer> concurrencies,
        Duration warmup,
        Duration ceilingWindow,
        Duration commandWindow,
        int queryRequests,
        int pageRequests,
        int loadBatchSize,
        List<String> tuning,
        boolean coldStart,
        boolean jfr,
        List<String> rebuildProbe,
        Set<String> skipped) {

    static final long DEFAULT_SEED = 20261126L;

    /**
     * The sizes unless overridden: {@code bench.cases} (100,000), {@code bench.events} (1,000,000),
     * {@code bench.longCases} (5) of {@code bench.longCaseEvents} (1,000), {@code bench.concurrency} ("1,4,16"),
     * {@code bench.warmupSeconds} (5), {@code bench.ceilingSeconds} (10), {@code bench.commandSeconds} (15),
     * {@code bench.queries} (1,000), {@code bench.pages} (200), {@code bench.seed}, {@code bench.directory}
     * (target/benchmark), {@code bench.appArgs} (space-separated app arguments), {@code bench.coldStart} and
     * {@code bench.jfr} (true), {@code bench.rebuildProbe} (none; e.g. {@code apart,together}), {@code bench.skip}
     * (phases not run, comma-separated: {@code commands}, {@code startup}).
     */
    static BenchmarkSettings fromSystemProperties() {
        int cases = Integer.getInteger("bench.cases", 100_000);
        return new BenchmarkSettings(
                Path.of(System.getProperty("bench.directory", "target/benchmark"))
                        .toAbsolutePath(),
                Long.getLong("bench.seed", DEFAULT_SEED),
                new CaseDataset.Sizes(
                        cases,
                        Long.getLong("bench.events", 1_000_000L),
                        Integer.getInteger("bench.longCases", 5),
                        Integer.getInteger("bench.longCaseEvents", 1_000),
                        Math.min(cases, 2_000),
                        50_000),
                Arrays.stream(System.getProperty("bench.concurrency", "1,4,16").split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5)),
                Duration.ofSeconds(Long.getLong("bench.ceilingSeconds", 10)),
                Duration.ofSeconds(Long.getLong("bench.commandSeconds", 15)),
                Integer.getInteger("bench.queries", 1_000),
                Integer.getInteger("bench.pages", 200),
                1_000,
                Arrays.stream(System.getProperty("bench.appArgs", "").split("\\s+"))
                        .filter(a -> !a.isBlank())
                        .toList(),
                Boolean.parseBoolean(System.getProperty("bench.coldStart", "true")),
                Boolean.parseBoolean(System.getProperty("bench.jfr", "true")),
                Arrays.stream(System.getProperty("bench.rebuildProbe", "").split(","))
                        .map(String::trim)
                        .filter(way -> !way.isEmpty())
                        .toList(),
                Arrays.stream(System.getProperty("bench.skip", "").split(","))
                        .map(String::trim)
                        .filter(phase -> !phase.isEmpty())
                        .collect(Collectors.toSet()));
    }

    /**
     * A few seconds per phase on 50 cases and 200 events: enough to run every phase and fill every row. Command phases
     * last 4 s so that, at 16 clients on 2 cores, HTTP requests complete within the window.
     */
    static BenchmarkSettings smoke(Path directory) {
        return new BenchmarkSettings(
                directory,
                DEFAULT_SEED,
                new CaseDataset.Sizes(50, 200, 1, 40, 10, 40),
                List.of(1, 4, 16),
                Duration.ofMillis(200),
                Duration.ofMillis(300),
                Duration.ofSeconds(4),
                20,
                5,
                50,
                List.of(),
                true,
                true,
                List.of(),
                Set.of());
    }
}
