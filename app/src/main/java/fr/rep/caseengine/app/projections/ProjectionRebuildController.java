package fr.rep.caseengine.app.projections;

import fr.rep.caseengine.events.problem.ProblemType;
import fr.rep.caseengine.query.deadletter.DeadLetteredCase;
import fr.rep.caseengine.query.deadletter.ProjectionDeadLetters;
import fr.rep.caseengine.query.deadletter.RetryReport;
import fr.rep.caseengine.query.live.Lag;
import fr.rep.caseengine.query.live.ProjectionLag;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildAlreadyRunning;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import fr.rep.caseengine.query.rebuild.UnknownProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators rebuild a projection from the event store and follow it (the live one serves meanwhile), see the
 * events each projection set aside and retry them.
 */
@RestController
@Tag(name = "Operations")
class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionDeadLetters deadLetters;
    private final EventProcessingConfiguration processing;
    private final ProjectionLag lag;

    ProjectionRebuildController(
            ProjectionRebuilds rebuilds,
            ProjectionDeadLetters deadLetters,
            EventProcessingConfiguration processing,
            ProjectionLag lag) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.processing = processing;
        this.lag = lag;
    }

    /**
     * @param processor   {@code running}, {@code error} (a segment retrying a failed batch) or {@code stopped}, as the
     *                    health endpoint says it
     * @param lag         the events stored that the projection has not processed yet, and the age of the oldest
     * @param lastRebuild the current or last rebuild since this node started, or {@code null}
     * @param deadLetters the cases whose events the projection set aside (ids, type, position, error; no content)
     */
    record Projection(
            String name, String processor, Lag lag, RebuildProgress lastRebuild, List<DeadLetteredCase> deadLetters) {}

    @GetMapping("/api/projections")
    @Operation(
            summary = "The projections that can be rebuilt, with their processor's state, their lag, their current "
                    + "or last rebuild and the events each set aside")
    List<Projection> projections() {
        return rebuilds.projections().stream()
                .map(name -> new Projection(
                        name,
                        ProjectionsHealthIndicator.processorState(processing, name),
                        lag.of(name),
                        rebuilds.progress(name).orElse(null),
                        deadLetters.of(name)))
                .toList();
    }

    @PostMapping("/api/projections/{name}/dead-letters/retry")
    @Operation(
            summary = "Apply again, case by case and in order, the events a projection set aside; those that "
                    + "still fail stay set aside with their new error")
    RetryReport retry(@PathVariable String name) {
        if (!rebuilds.projections().contains(name) || !deadLetters.handles(name)) {
            throw new UnknownProjection(name);
        }
        return deadLetters.retry(name);
    }

    @PostMapping("/api/projections/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from the event store beside the live one; it switches in when caught up")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name) {
        RebuildProgress started = rebuilds.start(name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/projections/" + name + "/rebuild"))
                .body(started);
    }

    /** One read of the store for all of them: a rebuild of every projection costs about what one does alone. */
    @PostMapping("/api/projections/rebuild")
    @Operation(
            summary = "Rebuild every projection together from one read of the event store, each beside its live "
                    + "one; each switches in when caught up. Their progress is at GET /api/projections")
    ResponseEntity<List<RebuildProgress>> rebuildAll() {
        List<RebuildProgress> started = rebuilds.start(rebuilds.projections());
        return ResponseEntity.accepted()
                .location(URI.create("/api/projections"))
                .body(started);
    }

    @GetMapping("/api/projections/{name}/rebuild")
    @Operation(summary = "Progress of a projection's rebuild: events done of total, rate, estimated time left")
    RebuildProgress progress(@PathVariable String name) {
        if (!rebuilds.projections().contains(name)) {
            throw new UnknownProjection(name);
        }
        return rebuilds.progress(name).orElseThrow(() -> new NoRebuild(name));
    }

    static class NoRebuild extends RuntimeException {
        NoRebuild(String name) {
            super("The projection '" + name + "' has not been rebuilt since this node started");
        }
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownProjection unknown) {
        return problem(HttpStatus.NOT_FOUND, "unknown-projection", "Unknown projection", unknown.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noRebuild(NoRebuild none) {
        return problem(HttpStatus.NOT_FOUND, "no-rebuild", "No rebuild", none.getMessage());
    }

    @ExceptionHandler
    ProblemDetail running(RebuildAlreadyRunning running) {
        return problem(HttpStatus.CONFLICT, "rebuild-running", "Rebuild already running", running.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.of(type));
        problem.setTitle(title);
        return problem;
    }
}
