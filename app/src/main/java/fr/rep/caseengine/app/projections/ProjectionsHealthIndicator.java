package fr.rep.caseengine.app.projections;

import fr.rep.caseengine.app.database.DatabaseAvailability;
import fr.rep.caseengine.query.deadletter.ProjectionDeadLetters;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The projections in {@code /actuator/health} (component {@code projections}): {@value #DEGRADED} while a projection
 * has events set aside or a processor is in error, {@code UP} otherwise.
 * <p>
 * Why not {@code DOWN}: a dead letter holds back one case, every other case is served; {@code DOWN} would answer 503
 * and have a load balancer take the node out. Why not {@code UP} with a detail: monitors read the status, and
 * anonymous callers see only the status. {@value #DEGRADED} answers 200 (application.yml maps it) and ranks between
 * {@code DOWN} and {@code UP}, so the overall status shows it. While the database does not answer, the dead letters
 * cannot be counted: {@code UNKNOWN} at once rather than a wait on the pool (the {@code db} component says DOWN); and
 * since the database may die between its last check and this count, the count is given one second at most.
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final ProjectionRebuilds rebuilds;
    private final ProjectionDeadLetters deadLetters;
    private final EventProcessingConfiguration processing;
    private final DatabaseAvailability database;
    /** At most two counts at once, each on a thread of its own: a health call never waits behind a stuck count. */
    private final ExecutorService counting =
            new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "projections-health");
                thread.setDaemon(true);
                return thread;
            });

    ProjectionsHealthIndicator(
            ProjectionRebuilds rebuilds,
            ProjectionDeadLetters deadLetters,
            EventProcessingConfiguration processing,
            DatabaseAvailability database) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.processing = processing;
        this.database = database;
    }

    @Override
    public Health health() {
        if (!database.up()) {
            return unknown("the database does not answer");
        }
        Map<String, ProjectionDeadLetters.Count> counts;
        try {
            counts =
                    CompletableFuture.supplyAsync(deadLetters::counts, counting).get(1, TimeUnit.SECONDS);
        } catch (TimeoutException | RejectedExecutionException | ExecutionException e) {
            return unknown("the events set aside could not be counted within a second");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown("interrupted");
        }
        boolean degraded = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String projection : rebuilds.projections()) {
            ProjectionDeadLetters.Count count = counts.getOrDefault(projection, new ProjectionDeadLetters.Count(0, 0));
            String processor = processorState(processing, projection);
            degraded |= count.cases() > 0 || "error".equals(processor);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("processor", processor);
            detail.put("deadLetteredCases", count.cases());
            detail.put("deadLetters", count.events());
            details.put(projection, detail);
        }
        return Health.status(degraded ? new Status(DEGRADED) : Status.UP)
                .withDetails(details)
                .build();
    }

    private static Health unknown(String reason) {
        return Health.unknown().withDetail("reason", reason).build();
    }

    @PreDestroy
    void stop() {
        counting.shutdownNow();
    }

    /** {@code running}, {@code error} (a segment retrying a failed batch) or {@code stopped}. */
    static String processorState(EventProcessingConfiguration processing, String projection) {
        return processing
                .eventProcessor(projection, StreamingEventProcessor.class)
                .map(processor -> processor.isError()
                                || processor.processingStatus().values().stream()
                                        .anyMatch(EventTrackerStatus::isErrorState)
                        ? "error"
                        : processor.isRunning() ? "running" : "stopped")
                .orElse("stopped");
    }
}
