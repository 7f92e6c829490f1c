package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.pipeline.CommandAnswer;
import fr.rep.caseengine.command.pipeline.CommandDispatch;
import fr.rep.caseengine.command.pipeline.CommandOutcome;
import fr.rep.caseengine.command.pipeline.CommandRequest;
import fr.rep.caseengine.command.pipeline.RecordedEvent;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.input.PlausibleDate;
import fr.rep.caseengine.events.prison.SuspensionReason;
import fr.rep.caseengine.events.problem.ProblemType;
import fr.rep.caseengine.events.staff.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prison-wide suspensions of visits over HTTP (team managers), on the path every command request takes: an
 * {@code Idempotency-Key} makes a resend act once, the correlation id is recorded on the events.
 */
@RestController
@RequestMapping(path = "/api/prison-suspensions", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Prison suspensions")
class PrisonSuspensionController {

    private final CommandDispatch dispatch;

    PrisonSuspensionController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record Suspension(
            @NotNull @PlausibleDate OffsetDateTime occurredAt,
            @NotNull Prison prison,
            @NotNull @PlausibleDate OffsetDateTime from,
            @NotNull @PlausibleDate OffsetDateTime until,
            @NotNull SuspensionReason reason) {}

    record Lifting(@NotNull @PlausibleDate OffsetDateTime occurredAt) {}

    /**
     * The answer to a suspension: its id and the event recorded. The scheduled visits it hits are cancelled after the
     * answer, by {@link PrisonSuspensionProcess}, each in its case's history.
     */
    record SuspensionRecorded(UUID suspensionId, long version, List<RecordedEvent> events) {}

    @PostMapping
    @Operation(summary = "Record that a prison suspends all visits for a period: its scheduled visits are cancelled")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; Location names the suspension",
            content = @Content(schema = @Schema(implementation = SuspensionRecorded.class)))
    ResponseEntity<String> suspend(@Valid @RequestBody Suspension body, Caller caller, HttpServletRequest http)
            throws BindException {
        return suspend(CommandRequest.of(http, caller), body, body);
    }

    /** Records a suspension; {@code asSent} is what the request's fingerprint is taken of (the body, or a page's form). */
    ResponseEntity<String> suspend(CommandRequest request, Suspension body, Object asSent) {
        return dispatch.run(request, asSent, () -> {
            UUID suspensionId = UUID.randomUUID();
            dispatch.send(
                    request,
                    new SuspendPrisonVisits(
                            suspensionId,
                            body.occurredAt().toInstant(),
                            body.prison(),
                            body.from().toInstant(),
                            body.until().toInstant(),
                            body.reason(),
                            request.caller()));
            return new CommandOutcome(
                    HttpStatus.CREATED.value(),
                    "/api/prison-suspensions/" + suspensionId,
                    0,
                    dispatch.toJson(new SuspensionRecorded(suspensionId, 0, dispatch.recorded())));
        });
    }

    @PostMapping("/{suspensionId}/lifting")
    @Operation(summary = "Record that the prison lifted its suspension of visits")
    @ApiResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = CommandAnswer.class)))
    ResponseEntity<String> lift(
            @PathVariable UUID suspensionId, @Valid @RequestBody Lifting body, Caller caller, HttpServletRequest http)
            throws BindException {
        return lift(CommandRequest.of(http, caller), suspensionId, body, body);
    }

    ResponseEntity<String> lift(CommandRequest request, UUID suspensionId, Lifting body, Object asSent) {
        return dispatch.run(request, asSent, () -> {
            dispatch.send(
                    request,
                    new LiftPrisonVisitSuspension(
                            suspensionId, body.occurredAt().toInstant(), request.caller()));
            // A suspension has two events at most, its recording (version 0) and its one lifting (version 1).
            return new CommandOutcome(
                    HttpStatus.OK.value(), null, 1, dispatch.toJson(new CommandAnswer(1, dispatch.recorded())));
        });
    }

    @ExceptionHandler
    ProblemDetail unknown(org.axonframework.modelling.command.AggregateNotFoundException unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No suspension with id " + unknown.getAggregateIdentifier());
        problem.setType(ProblemType.of("unknown-suspension"));
        return problem;
    }
}
