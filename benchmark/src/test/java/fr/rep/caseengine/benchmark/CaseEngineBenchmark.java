package fr.rep.caseengine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The full benchmark of issue #7, about 20 minutes on 2 cores:
 * {@code ./mvnw -B -Pbenchmark -pl benchmark -am verify}. Its name matches none of the default test patterns, so the
 * default build runs only {@link BenchmarkSmokeIT}.
 * Sizes and durations come from {@code bench.*} system properties (see {@link BenchmarkSettings}); the table goes
 * to the console and to {@code target/benchmark/report.md}.
 */
class CaseEngineBenchmark {

    @Test
    void measures_the_engine_against_postgresql_in_one_run() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkRun run = new BenchmarkRun(settings);

        BenchmarkReport report = run.run();

        Path table = settings.directory().resolve("report.md");
        Files.writeString(table, report.markdown());
        System.out.println("\n" + report.markdown() + "\nWritten to " + table);
        assertThat(run.errors())
                .as("commands or inserts that failed during the run")
                .isZero();
    }
}
