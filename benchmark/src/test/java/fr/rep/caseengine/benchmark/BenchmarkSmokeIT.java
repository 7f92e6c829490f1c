package fr.rep.caseengine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark run whole at tiny sizes (50 cases, 200 events, under a second per load), so that it cannot rot:
 * every row of the table is filled, every figure is positive, nothing failed. It asserts no timing.
 */
class BenchmarkSmokeIT {

    @TempDir
    Path directory;

    @Test
    void a_tiny_run_fills_every_row_of_the_table_with_positive_figures() throws Exception {
        BenchmarkRun run = new BenchmarkRun(BenchmarkSettings.smoke(directory));

        BenchmarkReport report = run.run();

        assertThat(report.rows())
                .extracting(BenchmarkReport.Row::id)
                .containsExactly(
                        "c/scan",
                        "c/deserialize",
                        "c/rebuild",
                        "c/floor",
                        "d/case-list",
                        "d/caseload",
                        "d/detail",
                        "d/history",
                        "d/work-queue",
                        "d/annual-report",
                        "g/home",
                        "g/case-list",
                        "g/name-search",
                        "g/case",
                        "g/history",
                        "g/history-long",
                        "g/as-of",
                        "g/as-of-long",
                        "g/dashboard-team",
                        "g/team-queue",
                        "g/suspensions",
                        "g/dashboard-service",
                        "g/report",
                        "g/report-csv",
                        "g/report-pdf",
                        "g/access-trail",
                        "g/break-glass",
                        "g/erasures",
                        "g/verification",
                        "g/projections",
                        "g/accounts",
                        "a/1",
                        "b/gateway/1",
                        "e/gateway/1",
                        "b/HTTP/1",
                        "e/HTTP/1",
                        "b/gateway-alone/1",
                        "b/append-alone/1",
                        "a/4",
                        "b/gateway/4",
                        "e/gateway/4",
                        "b/HTTP/4",
                        "e/HTTP/4",
                        "b/gateway-alone/4",
                        "b/append-alone/4",
                        "a/16",
                        "b/gateway/16",
                        "e/gateway/16",
                        "b/HTTP/16",
                        "e/HTTP/16",
                        "b/gateway-alone/16",
                        "b/append-alone/16",
                        "f/ready",
                        "f/caught-up",
                        "f/cold");
        for (BenchmarkReport.Row row : report.rows()) {
            assertThat(row.figures())
                    .as(row.id())
                    .isNotEmpty()
                    .allSatisfy(figure ->
                            assertThat(figure).as(row.id()).isPositive().isFinite());
        }
        // (g): every page answers 200 to its role, and weighs at most 500 KB with its assets (figures: p50, p95,
        // p99, status, bytes).
        assertThat(report.rows()).filteredOn(row -> row.id().startsWith("g/")).allSatisfy(row -> {
            assertThat(row.figures().get(3)).as(row.id() + " status").isEqualTo(200);
            assertThat(row.figures().get(4)).as(row.id() + " bytes with assets").isLessThanOrEqualTo(500_000);
        });
        assertThat(run.errors()).isZero();
        // Counts, not timings: a change that adds a statement per event to a rebuild of the four projections fails
        // here. On this dataset (200 events over 50 cases, the four rebuilt together) the rebuild ran 22.3 statements
        // per event, its shadow tables' DDL, transactions and switch included (10.3 on 20,000 events); the margin
        // takes the few statements an idle processor may run meanwhile. Raise the bound only with the reason.
        BenchmarkReport.Row rebuild = report.rows().stream()
                .filter(row -> row.id().equals("c/rebuild"))
                .findFirst()
                .orElseThrow();
        assertThat(rebuild.figures().get(1))
                .as("statements per event in a rebuild")
                .isBetween(20.0, 23.0);
        assertThat(report.profiles())
                .filteredOn(profile -> profile.phase().startsWith("b "))
                .hasSize(6)
                .allSatisfy(profile -> {
                    assertThat(profile.hotMethods()).isNotEmpty();
                    assertThat(profile.topStatements()).isNotEmpty();
                });
        assertThat(report.markdown())
                .contains(
                        "| a | PostgreSQL ceiling",
                        "| f | start-up to ready",
                        "PostgreSQL statements by execution time: ");
    }
}
