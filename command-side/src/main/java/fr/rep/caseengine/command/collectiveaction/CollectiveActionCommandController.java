package fr.rep.caseengine.command.collectiveaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.command.idempotency.CommandOutcome;
import fr.rep.caseengine.command.idempotency.CommandRequest;
import fr.rep.caseengine.command.idempotency.IdempotentCommands;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import fr.rep.caseengine.events.staff.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * The collective action commands over HTTP. Each request runs in one transaction (events, idempotency record); the
 * answer carries the action's version as its {@code ETag}, to send back in {@code If-Match}. Only caseworkers of the
 * action's team record it, with parents of cases they may act on.
 */
@RestController
@RequestMapping(path = "/api", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Collective action commands")
class CollectiveActionCommandController {

    /** Devices' clocks drift: an occurredAt a little ahead of the server is still "now". */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final CollectiveActionReach reach;
    private final ObjectMapper json;
    private final Clock clock;

    CollectiveActionCommandController(CommandGateway commands, IdempotentCommands idempotent,
                                      CollectiveActionReach reach, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.reach = reach;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/collective-actions")
    @Operation(summary = "Record a snack or a craft workshop held at a prison (201, Location, ETag)")
    ResponseEntity<String> holdCollectiveSession(@Valid @RequestBody CollectiveActionBodies.Session body,
                                                 HttpServletRequest http, Caller caller) throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = notInTheFuture(body.occurredAt());
        reach.requireCaseworkerOf(caller, body.team());
        return run(request, body, () -> {
            CollectiveActionId id = CollectiveActionId.random();
            send(request, new HoldCollectiveSession(id, occurredAt, body.kind(), body.team(), body.prison(),
                    reach.participants(caller, body.participants())));
            return created("/api/collective-actions/" + id, new CollectiveActionBodies.SessionRecorded(id.toString(), 0));
        });
    }

    @PostMapping("/talking-groups")
    @Operation(summary = "Form a talking group at a prison with its members (201, Location, ETag)")
    ResponseEntity<String> formTalkingGroup(@Valid @RequestBody CollectiveActionBodies.NewTalkingGroup body,
                                            HttpServletRequest http, Caller caller) throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = notInTheFuture(body.occurredAt());
        reach.requireCaseworkerOf(caller, body.team());
        return run(request, body, () -> {
            CollectiveActionId id = CollectiveActionId.random();
            send(request, new FormTalkingGroup(id, occurredAt, body.team(), body.prison(),
                    reach.participants(caller, body.members())));
            return created("/api/talking-groups/" + id,
                    new CollectiveActionBodies.TalkingGroupCreated(id.toString(), 0, TalkingGroupTheme.cycle()));
        });
    }

    @PostMapping("/talking-groups/{groupId}/members")
    @Operation(summary = "Add a parent to a talking group before its first session (204, ETag)")
    ResponseEntity<String> joinTalkingGroup(@PathVariable CollectiveActionId groupId,
                                            @Valid @RequestBody CollectiveActionBodies.Member body,
                                            HttpServletRequest http, Caller caller) throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = notInTheFuture(body.occurredAt());
        return run(request, body, () -> {
            reach.requireCanRecordFor(caller, groupId);
            return updated(request, new JoinTalkingGroup(groupId, request.expectedVersion(), occurredAt,
                    reach.participants(caller, List.of(body.caseId())).get(0)));
        });
    }

    @PostMapping("/talking-groups/{groupId}/sessions")
    @Operation(summary = "Record the next session of a talking group's cycle (204, ETag)")
    ResponseEntity<String> holdTalkingGroupSession(@PathVariable CollectiveActionId groupId,
                                                   @Valid @RequestBody CollectiveActionBodies.GroupSession body,
                                                   HttpServletRequest http, Caller caller) throws BindException {
        CommandRequest request = CommandRequest.of(http, caller);
        Instant occurredAt = notInTheFuture(body.occurredAt());
        return run(request, body, () -> {
            reach.requireCanRecordFor(caller, groupId);
            return updated(request, new HoldTalkingGroupSession(groupId, request.expectedVersion(), occurredAt,
                    body.theme(), body.participants()));
        });
    }

    private CommandOutcome created(String location, Object answer) {
        return new CommandOutcome(HttpStatus.CREATED.value(), location, 0, toJson(answer));
    }

    private CommandOutcome updated(CommandRequest request, Object command) {
        long version = (Long) send(request, command);
        return new CommandOutcome(HttpStatus.NO_CONTENT.value(), null, version, null);
    }

    private Object send(CommandRequest request, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(request.metadata()));
    }

    private ResponseEntity<String> run(CommandRequest request, Object body, Supplier<CommandOutcome> command) {
        return request.answer(idempotent.run(request.caller().account(), request.idempotencyKey(),
                request.fingerprint(toJson(body)), command));
    }

    private Instant notInTheFuture(OffsetDateTime occurredAt) throws BindException {
        Instant instant = occurredAt.toInstant();
        if (instant.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            MapBindingResult errors = new MapBindingResult(new HashMap<>(), "body");
            errors.addError(new FieldError("body", "occurredAt", occurredAt, false, null, null,
                    "must not be in the future: record what has happened"));
            throw new BindException(errors);
        }
        return instant;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body that was just read cannot be written back", e);
        }
    }
}
