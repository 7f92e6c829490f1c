package fr.rep.caseengine.app.projections;

import fr.rep.caseengine.app.database.DatabaseAvailability;
import fr.rep.caseengine.query.deadletter.ProjectionDeadLetters;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The projections in {@code /actuator/health} (component {@code projections}): {@value #DEGRADED} while a projection
 * has events set aside or a processor is in error, {@code UP} otherwise.
 * <p>
 * Why not {@code DOWN}: a dead letter holds back one case, every other case is served; {@code DOWN} would answer 503
 * and have a load balancer take the node out. Why not {@code UP} with a detail: monitors read the status, and
 * anonymous callers see only the status. {@value #DEGRADED} answers 200 (application.yml maps it) and ranks between
 * {@code DOWN} and {@code UP}, so the overall status shows it. While the database does not answer, the dead letters
 * cannot be counted: {@code UNKNOWN} at once rather than a wait on the pool (the {@code db} component says DOWN).
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final ProjectionRebuilds rebuilds;
    private final ProjectionDeadLetters deadLetters;
    private final EventProcessingConfiguration processing;
    private final DatabaseAvailability database;

    ProjectionsHealthIndicator(ProjectionRebuilds rebuilds, ProjectionDeadLetters deadLetters,
                               EventProcessingConfiguration processing, DatabaseAvailability database) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.processing = processing;
        this.database = database;
    }

    @Override
    public Health health() {
        if (!database.up()) {
            return Health.unknown().withDetail("reason", "the database does not answer").build();
        }
        Map<String, ProjectionDeadLetters.Count> counts = deadLetters.counts();
        boolean degraded = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String projection : rebuilds.projections()) {
            ProjectionDeadLetters.Count count = counts.getOrDefault(projection, new ProjectionDeadLetters.Count(0, 0));
            String processor = processorState(projection);
            degraded |= count.cases() > 0 || "error".equals(processor);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("processor", processor);
            detail.put("deadLetteredCases", count.cases());
            detail.put("deadLetters", count.events());
            details.put(projection, detail);
        }
        return Health.status(degraded ? new Status(DEGRADED) : Status.UP).withDetails(details).build();
    }

    /** {@code running}, {@code error} (a segment retrying a failed batch) or {@code stopped}. */
    private String processorState(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .map(processor -> processor.isError()
                        || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)
                        ? "error" : processor.isRunning() ? "running" : "stopped")
                .orElse("stopped");
    }
}
