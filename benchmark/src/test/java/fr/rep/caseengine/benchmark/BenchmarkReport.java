package fr.rep.caseengine.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's one table, with the context needed to read it (machine, settings, dataset) and each phase's profile. */
final class BenchmarkReport {

    /**
     * One line of the table.
     *
     * @param id      a stable key such as {@code b/gateway/16}
     * @param figures the measured numbers behind the line; empty for what is not built yet
     */
    record Row(
            String id,
            String measure,
            String conditions,
            String result,
            String p50,
            String p99,
            String target,
            String verdict,
            List<Double> figures) {}

    private final long startNanos = System.nanoTime();
    private final Map<String, String> context = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<PhaseProfiler.Profile> profiles = new ArrayList<>();

    void context(String name, String value) {
        context.put(name, value);
    }

    void row(Row row) {
        rows.add(row);
        System.out.printf(
                "[benchmark +%.0fs] %s: %s %s %s %s%n",
                elapsedSeconds(), row.id(), row.result(), row.p50(), row.p99(), row.verdict());
    }

    void note(String note) {
        notes.add(note);
        System.out.printf("[benchmark +%.0fs] %s%n", elapsedSeconds(), note);
    }

    /** A line on the console only, to follow a long run. */
    void progress(String step) {
        System.out.printf("[benchmark +%.0fs] %s%n", elapsedSeconds(), step);
    }

    void profile(PhaseProfiler.Profile profile) {
        profiles.add(profile);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    List<Row> rows() {
        return rows;
    }

    List<PhaseProfiler.Profile> profiles() {
        return profiles;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        context.forEach((name, value) ->
                out.append("- ").append(name).append(": ").append(value).append('\n'));
        out.append("\n| | measure | conditions | result | p50 | p99 | target | verdict |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows.stream()
                .sorted(Comparator.comparing((Row row) -> row.id().charAt(0)))
                .toList()) {
            out.append("| ")
                    .append(row.id().substring(0, 1))
                    .append(" | ")
                    .append(row.measure())
                    .append(" | ")
                    .append(row.conditions())
                    .append(" | ")
                    .append(row.result())
                    .append(" | ")
                    .append(row.p50())
                    .append(" | ")
                    .append(row.p99())
                    .append(" | ")
                    .append(row.target())
                    .append(" | ")
                    .append(row.verdict())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        if (!profiles.isEmpty()) {
            out.append("\n#### Profiles\n\n");
            profiles.forEach(profile -> out.append(describe(profile)).append('\n'));
        }
        return out.toString();
    }

    private static String describe(PhaseProfiler.Profile profile) {
        StringBuilder out = new StringBuilder();
        out.append("- **")
                .append(profile.phase())
                .append("** (")
                .append(seconds(profile.took().toNanos() / 1e9))
                .append("): CPU in cores of 2 — JVM ")
                .append(cores(profile.jvmCores()))
                .append(", PostgreSQL ")
                .append(cores(profile.postgresCores()))
                .append(", other processes ")
                .append(cores(profile.otherCores()))
                .append(", idle ")
                .append(cores(profile.idleCores()))
                .append(".\n  PostgreSQL backends (mean number): ")
                .append(profile.postgresBackends().isEmpty() ? "none busy" : shares(profile.postgresBackends(), "%.2f"))
                .append('.');
        if (!profile.topStatements().isEmpty()) {
            out.append("\n  PostgreSQL statements by execution time: ")
                    .append(String.join("; ", profile.topStatements()))
                    .append('.');
        }
        if (!profile.jvmLayers().isEmpty()) {
            out.append("\n  JVM samples by layer: ")
                    .append(shares(profile.jvmLayers(), "%.0f %%"))
                    .append(".\n  By thread: ")
                    .append(shares(profile.jvmThreads(), "%.0f %%"))
                    .append(".\n  Hottest methods: ")
                    .append(String.join("; ", profile.hotMethods()).trim())
                    .append(".\n  Recording: `")
                    .append(profile.recording().getFileName())
                    .append("`.");
        }
        return out.toString();
    }

    private static String shares(Map<String, Double> shares, String format) {
        return shares.entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.format(Locale.ROOT, format, entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String perSecond(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", value, unit);
    }

    static String millis(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.1f ms", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
    }

    static String cores(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Met, or how far off: a ratio that must reach {@code target}. */
    static String atLeast(double ratio, double target) {
        return ratio >= target
                ? "met"
                : String.format(
                        Locale.ROOT, "missed: %s of the target, needs ×%.1f", percent(ratio / target), target / ratio);
    }

    /** Met, or how far off: a duration in milliseconds that must stay under {@code limitMillis}. */
    static String under(double millis, double limitMillis) {
        return millis < limitMillis
                ? "met"
                : String.format(
                        Locale.ROOT,
                        "missed by %s (×%.1f the limit)",
                        millis >= 1000 ? seconds((millis - limitMillis) / 1000) : millis(millis - limitMillis),
                        millis / limitMillis);
    }
}
