package fr.rep.caseengine.app.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the data directory by an earlier instance of the app. pg_ctl daemonises the
 * server, so it outlives an app killed with {@code kill -9}, and the next start would die on its {@code postmaster.pid}.
 * <p>
 * Called while this instance holds the data directory's lock file ({@code epg-lock}, a file lock the operating system
 * releases when its holder dies): a live app on the directory holds it, so no live app's server is ever stopped here.
 * A server is stopped only if it is the one {@code postmaster.pid} names, is a {@code postgres} process and works in
 * this very directory (its working directory, which a postmaster sets to its data directory): a server of another data
 * directory whose pid a stale file happens to name is never signalled; that file is only removed.
 */
final class LeftOverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftOverServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private LeftOverServer() {}

    /** Stops the server an earlier instance left on {@code directory}, or removes a stale pid file; logs what it did. */
    static void stopIfRunning(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL itself replaces the file of a dead server.
            LOG.info(
                    "The PostgreSQL server (pid {}) of an earlier instance on {} is gone; starting anew",
                    pid.get(),
                    directory);
            return;
        }
        if (!isServerOf(process.get(), directory, pidFile)) {
            delete(pidFile);
            LOG.warn(
                    "Removed a stale postmaster.pid from {}: it named pid {}, which is not a PostgreSQL server of this "
                            + "data directory (left untouched)",
                    directory,
                    pid.get());
            return;
        }
        LOG.warn(
                "A PostgreSQL server (pid {}) is still running on {}, left by an earlier instance of the app that "
                        + "did not stop (killed?); stopping it before starting",
                pid.get(),
                directory);
        stop(process.get(), directory);
        LOG.info(
                "Stopped the PostgreSQL server (pid {}) left running on {} by an earlier instance",
                pid.get(),
                directory);
    }

    /**
     * The port of the PostgreSQL server working on {@code directory}, if one runs there (line 4 of its
     * {@code postmaster.pid}); checked as {@link #stopIfRunning} checks it, so a stale file names no server.
     */
    static Optional<Integer> portOfRunningServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        return pidIn(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isServerOf(process, directory, pidFile))
                .flatMap(process -> {
                    try {
                        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                        return lines.size() < 4
                                ? Optional.empty()
                                : Optional.of(Integer.parseInt(lines.get(3).trim()));
                    } catch (IOException | NumberFormatException unreadable) {
                        return Optional.empty();
                    }
                });
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (java.nio.file.NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            // An empty or torn file: the server that wrote it never finished starting; PostgreSQL copes with it.
            return Optional.empty();
        }
    }

    private static boolean isServerOf(ProcessHandle process, Path directory, Path pidFile) {
        boolean postgres = process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(false);
        if (!postgres) {
            return false;
        }
        try {
            // Line 2 of postmaster.pid is the server's data directory: a copied directory names another one.
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !sameDirectory(Path.of(lines.get(1).trim()), directory)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        if (Files.exists(Path.of("/proc/self/cwd"))) {
            // Where /proc exists (Linux) it says for sure where the server works.
            try {
                return sameDirectory(cwd.toRealPath(), directory);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM: PostgreSQL's smart shutdown, a clean stop once the dead app's sessions have ended, as they have. */
    private static void stop(ProcessHandle process, Path directory) {
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server (pid " + process.pid() + ") left running on "
                    + directory + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s: other clients are still "
                    + "connected to it. Stop it with `pg_ctl stop -D " + directory + " -m fast`, then start again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left on " + directory, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove the stale " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
