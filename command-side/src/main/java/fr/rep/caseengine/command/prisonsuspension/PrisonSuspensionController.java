package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.idempotency.CommandProblems;
import fr.rep.caseengine.events.input.PlausibleDate;
import fr.rep.caseengine.command.idempotency.CommandOutcome;
import fr.rep.caseengine.command.idempotency.IdempotentCommands;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.SuspensionReason;
import fr.rep.caseengine.events.staff.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Prison-wide suspensions of visits over HTTP (team managers). */
@RestController
@RequestMapping(path = "/api/prison-suspensions", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Prison suspensions")
class PrisonSuspensionController {

    private final CommandGateway commands;
    private final IdempotentCommands transaction;

    PrisonSuspensionController(CommandGateway commands, IdempotentCommands transaction) {
        this.commands = commands;
        this.transaction = transaction;
    }

    record Suspension(@NotNull @PlausibleDate OffsetDateTime occurredAt, @NotNull Prison prison,
                      @NotNull @PlausibleDate OffsetDateTime from, @NotNull @PlausibleDate OffsetDateTime until,
                      @NotNull SuspensionReason reason) {
    }

    record Lifting(@NotNull @PlausibleDate OffsetDateTime occurredAt) {
    }

    @PostMapping
    @Operation(summary = "Record that a prison suspends all visits for a period: its scheduled visits are cancelled")
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the suspension")
    ResponseEntity<Void> suspend(@Valid @RequestBody Suspension body, Caller caller) {
        UUID suspensionId = UUID.randomUUID();
        CommandOutcome outcome = transaction.run(caller.account(), null, null, () -> {
            send(caller, new SuspendPrisonVisits(suspensionId, body.occurredAt().toInstant(), body.prison(),
                    body.from().toInstant(), body.until().toInstant(), body.reason()));
            return new CommandOutcome(HttpStatus.CREATED.value(), "/api/prison-suspensions/" + suspensionId, 0, null);
        });
        return ResponseEntity.created(URI.create(outcome.location())).build();
    }

    @PostMapping("/{suspensionId}/lifting")
    @Operation(summary = "Record that the prison lifted its suspension of visits")
    @ApiResponse(responseCode = "204", description = "Recorded")
    ResponseEntity<Void> lift(@PathVariable UUID suspensionId, @Valid @RequestBody Lifting body, Caller caller) {
        transaction.run(caller.account(), null, null, () -> {
            send(caller, new LiftPrisonVisitSuspension(suspensionId, body.occurredAt().toInstant()));
            return new CommandOutcome(HttpStatus.NO_CONTENT.value(), null, 0, null);
        });
        return ResponseEntity.noContent().build();
    }

    private void send(Caller caller, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(EventMetadata.ACTOR, caller.account())));
    }

    @ExceptionHandler
    ProblemDetail refused(SuspensionRefused refused) {
        ProblemDetail problem = CommandProblems.problem(HttpStatus.CONFLICT, "suspension-rule",
                "Suspension rule broken", refused.getMessage());
        problem.setProperty("rule", refused.rule().code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknown(org.axonframework.modelling.command.AggregateNotFoundException unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No suspension with id " + unknown.getAggregateIdentifier());
        problem.setType(URI.create("urn:rep:problem:unknown-suspension"));
        return problem;
    }
}
