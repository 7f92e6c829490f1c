package fr.rep.caseengine.query.access;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-write for every case view: waits, briefly, until the views show a case at least at the version a command
 * returned. The whole "case-views" group commits in one transaction per batch, so the list, the detail and the history
 * reach a version together. Polling the table (rather than an in-memory signal) keeps this true when the processor
 * runs on another node.
 */
@Component
public class CaseViewVersions {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final JdbcTemplate jdbc;
    private final Duration patience;

    CaseViewVersions(JdbcTemplate jdbc, @Value("${rep.views.read-your-write-timeout:5s}") Duration patience) {
        this.jdbc = jdbc;
        this.patience = patience;
    }

    /**
     * Returns once the case is at {@code minVersion} or later; does nothing when {@code minVersion} is null.
     * A case outside the reader's scope looks exactly like one not yet projected.
     *
     * @throws ViewBehind when the views did not get there in time
     */
    public void awaitVersion(UUID caseId, Long minVersion, ViewScope scope) {
        if (minVersion == null) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            List<Long> versions = jdbc.queryForList(
                    "SELECT version FROM case_view v WHERE case_id = ? AND " + scope.condition(),
                    Long.class,
                    scope.argumentsAfter(caseId));
            if (!versions.isEmpty() && versions.get(0) >= minVersion) {
                return;
            }
            if (System.nanoTime() + pause > deadline) {
                throw new ViewBehind(caseId, minVersion, versions.isEmpty() ? null : versions.get(0));
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
