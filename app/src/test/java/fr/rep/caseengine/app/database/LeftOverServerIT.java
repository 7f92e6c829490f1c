package fr.rep.caseengine.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL is daemonised by pg_ctl: it outlives an app killed with {@code kill -9}. The next start must
 * stop that server cleanly and start at the first try, and never touch a server that is not the left-over of its own
 * data directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeftOverServerIT {

    @TempDir
    Path data;

    private final List<Long> started = new ArrayList<>();

    /** Whatever this test left running, even when it failed, is stopped (SIGTERM: a clean shutdown). */
    @AfterEach
    void stopWhatWasLeft() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void the_first_start_after_the_app_was_killed_stops_the_server_it_left_and_starts(CapturedOutput output)
            throws Exception {
        Path directory = data.resolve("postgres");
        Process app = startInAnotherJvm(directory);
        long leftOver;
        try {
            leftOver = readyPostmaster(app);
            started.add(leftOver);

            // While that app lives, its server is never stopped: a second instance on the directory is refused.
            assertThatThrownBy(() -> start(directory)).hasMessageContaining("used by another running instance");
            assertThat(ProcessHandle.of(leftOver)).get().matches(ProcessHandle::isAlive);
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(leftOver))
                .as("the killed app's server outlives it")
                .get()
                .matches(ProcessHandle::isAlive);

        try (EmbeddedPostgres postgres = start(directory)) {
            assertThat(ProcessHandle.of(leftOver).filter(ProcessHandle::isAlive))
                    .isEmpty();
            assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
        }
        assertThat(output)
                .contains("Stopped the PostgreSQL server (pid " + leftOver + ") left running on "
                        + directory.toAbsolutePath() + " by an earlier instance");
    }

    @Test
    void a_server_of_another_data_directory_is_never_stopped(CapturedOutput output) throws Exception {
        Path directory = data.resolve("postgres");
        start(directory).close();
        try (EmbeddedPostgres other = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("other"))
                .start()) {
            // A postmaster.pid naming a live PostgreSQL of another directory (a copied data directory, a reused pid).
            long otherPid = Long.parseLong(Files.readAllLines(data.resolve("other/postmaster.pid"))
                    .get(0)
                    .trim());
            Files.writeString(
                    directory.resolve("postmaster.pid"),
                    Files.readString(data.resolve("other/postmaster.pid")),
                    StandardCharsets.UTF_8);

            try (EmbeddedPostgres postgres = start(directory)) {
                assertThat(postgres.getPort()).isNotEqualTo(other.getPort());
            }
            assertThat(ProcessHandle.of(otherPid)).get().matches(ProcessHandle::isAlive);
            assertThat(new JdbcTemplate(other.getPostgresDatabase()).queryForObject("SELECT 1", Integer.class))
                    .isEqualTo(1);
            assertThat(output).contains("Removed a stale postmaster.pid").contains("pid " + otherPid);
        }
    }

    private static EmbeddedPostgres start(Path directory) {
        return EmbeddedDatabaseProcess.start(directory);
    }

    private static Process startInAnotherJvm(Path directory) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseProcess.class.getName(),
                        directory.toString()))
                .redirectErrorStream(true)
                .start();
    }

    /** The other JVM's postmaster pid, once its database is up. */
    private static long readyPostmaster(Process app) {
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(EmbeddedDatabaseProcess.READY)) {
                        long pid = Long.parseLong(line.substring(EmbeddedDatabaseProcess.READY.length())
                                .split(" ")[0]);
                        // Keep draining the pipe so that the other JVM never blocks on a full one.
                        CompletableFuture.runAsync(() -> lines.lines().forEach(ignored -> {}));
                        return pid;
                    }
                }
                throw new IllegalStateException("the other JVM ended before its database was up");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(90)).until(ready::isDone);
        return ready.join();
    }
}
