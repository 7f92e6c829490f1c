package fr.rep.caseengine.command.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.events.input.NotInTheFuture;
import fr.rep.caseengine.events.input.NotInTheFutureValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * The path every command request takes, whatever its controller: the fact's date checked, the command sent with the
 * request's metadata, inside one idempotent transaction, and the answer built from the outcome.
 */
@Component
public class CommandDispatch {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final RecordedEvents recorded;
    private final ObjectMapper json;
    private final Clock clock;

    CommandDispatch(
            CommandGateway commands,
            IdempotentCommands idempotent,
            RecordedEvents recorded,
            ObjectMapper json,
            Clock clock) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.recorded = recorded;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code command} once per idempotency key and answers as its outcome says; a conflict with a concurrent
     * append is retried unless the request named the version it was decided on ({@code If-Match}). The events the
     * command records are noted as it runs ({@link #recorded()}), for its answer to name them; a resend gets the
     * stored answer, naming the same events.
     */
    public ResponseEntity<String> run(CommandRequest request, Object body, Supplier<CommandOutcome> command) {
        return request.answer(idempotent.run(
                request.caller().account(),
                request.idempotencyKey(),
                request.fingerprint(toJson(body)),
                request.expectedVersion(),
                () -> recorded.recording(command)));
    }

    /** The events recorded so far by the command {@link #run} is running on this thread, in order. */
    public List<RecordedEvent> recorded() {
        return recorded.recorded();
    }

    /** Sends a command with the request's actor and trace id; returns the handler's result (a version). */
    public Object send(CommandRequest request, Object command) {
        return commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(request.metadata()));
    }

    /** Sends a command on an existing aggregate and answers 200 with its new version and the events recorded. */
    public CommandOutcome updated(CommandRequest request, Object command) {
        long version = (Long) send(request, command);
        return new CommandOutcome(HttpStatus.OK.value(), null, version, toJson(new CommandAnswer(version, recorded())));
    }

    /**
     * The fact's instant, refused (400 on {@code occurredAt}) when it lies in the future: the rule of
     * {@link NotInTheFuture}, which the bodies' {@code occurredAt} carry so that the API's description states it;
     * checked here again for a body that would not.
     */
    public Instant notInTheFuture(OffsetDateTime occurredAt) throws BindException {
        Instant instant = occurredAt.toInstant();
        if (!NotInTheFutureValidator.hasHappened(instant, clock)) {
            throw invalid("occurredAt", occurredAt, "must not be in the future: record what has happened");
        }
        return instant;
    }

    /** A 400 naming one field and its rule. */
    public static BindException invalid(String field, Object value, String rule) {
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "body");
        errors.addError(new FieldError("body", field, value, false, null, null, rule));
        return new BindException(errors);
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body that was just read cannot be written back", e);
        }
    }
}
