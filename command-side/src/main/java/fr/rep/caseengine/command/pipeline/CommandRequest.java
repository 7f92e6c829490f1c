package fr.rep.caseengine.command.pipeline;

import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * What a command request says besides its body: who acts, the idempotency key, the version the client saw and the
 * correlation id to trace it by. Headers are checked like body fields: a malformed one is a 400 naming it.
 * Shared by the command controllers of every aggregate, so that all answer alike.
 *
 * @param caller          the signed-in account acting, never anything the client sends
 * @param idempotencyKey  {@code Idempotency-Key}, or {@code null}
 * @param expectedVersion the version in {@code If-Match}, or {@code null}
 * @param traceId         {@code X-Correlation-Id}, or a new one; recorded on every event the command causes
 * @param requestLine     the method and path, part of the request's fingerprint
 */
public record CommandRequest(
        Caller caller, String idempotencyKey, Long expectedVersion, String traceId, String requestLine) {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern VERSION = Pattern.compile("(W/)?\"?([0-9]{1,18})\"?");

    public static CommandRequest of(HttpServletRequest request, Caller caller) throws BindException {
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "headers");
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key != null && !TOKEN.matcher(key).matches()) {
            errors.addError(new FieldError(
                    "headers",
                    IDEMPOTENCY_KEY_HEADER,
                    key,
                    false,
                    null,
                    null,
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        String traceId = request.getHeader(CORRELATION_ID_HEADER);
        if (traceId != null && !TOKEN.matcher(traceId).matches()) {
            errors.addError(new FieldError(
                    "headers",
                    CORRELATION_ID_HEADER,
                    traceId,
                    false,
                    null,
                    null,
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        Long expectedVersion = null;
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null) {
            var matcher = VERSION.matcher(ifMatch.trim());
            if (matcher.matches()) {
                expectedVersion = Long.parseLong(matcher.group(2));
            } else {
                errors.addError(new FieldError(
                        "headers",
                        "If-Match",
                        ifMatch,
                        false,
                        null,
                        null,
                        "must be the version as returned in the ETag, such as \"3\""));
            }
        }
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return new CommandRequest(
                caller,
                key,
                expectedVersion,
                traceId != null ? traceId : UUID.randomUUID().toString(),
                request.getMethod() + " " + request.getRequestURI());
    }

    /**
     * A page form's request: the key the form was given (a double click or a resend then acts once; a malformed one is
     * dropped, the form acting without one), the version it showed, a new trace id.
     */
    public static CommandRequest ofForm(Caller caller, String formKey, Long expectedVersion, String requestLine) {
        return new CommandRequest(
                caller,
                formKey != null && TOKEN.matcher(formKey).matches() ? formKey : null,
                expectedVersion,
                UUID.randomUUID().toString(),
                requestLine);
    }

    /** The metadata every event the command causes carries: the actor and the trace id. */
    public Map<String, String> metadata() {
        return Map.of(EventMetadata.ACTOR, caller.account(), EventMetadata.TRACE_ID, traceId);
    }

    /** A digest of this request and its body (as JSON), to tell a resend from a key reused for another request. */
    public String fingerprint(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((requestLine + " " + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The answer: the outcome's status, its version as the {@code ETag}, the correlation id, Location and body. */
    public ResponseEntity<String> answer(CommandOutcome outcome) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status())
                .eTag(Long.toString(outcome.version()))
                .header(CORRELATION_ID_HEADER, traceId);
        if (outcome.location() != null) {
            response.header("Location", outcome.location());
        }
        if (outcome.body() == null) {
            return response.build();
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(outcome.body());
    }
}
