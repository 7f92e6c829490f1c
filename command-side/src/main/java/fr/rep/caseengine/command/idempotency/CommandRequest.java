package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a command request says besides its body: who acts, the idempotency key, the version the client saw and the
 * correlation id to trace it by. Headers are checked like body fields: a malformed one is a 400 naming it.
 *
 * @param caller          the signed-in account acting, never anything the client sends
 * @param idempotencyKey  {@code Idempotency-Key}, or {@code null}
 * @param expectedVersion the version in {@code If-Match}, or {@code null}
 * @param traceId         {@code X-Correlation-Id}, or a new one; recorded on every event the command causes
 */
record CommandRequest(Caller caller, String idempotencyKey, Long expectedVersion, String traceId) {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern VERSION = Pattern.compile("(W/)?\"?([0-9]{1,18})\"?");

    static CommandRequest of(HttpServletRequest request, Caller caller) throws BindException {
        MapBindingResult errors = new MapBindingResult(new HashMap<>(), "headers");
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key != null && !TOKEN.matcher(key).matches()) {
            errors.addError(new FieldError("headers", IDEMPOTENCY_KEY_HEADER, key, false, null, null,
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        String traceId = request.getHeader(CORRELATION_ID_HEADER);
        if (traceId != null && !TOKEN.matcher(traceId).matches()) {
            errors.addError(new FieldError("headers", CORRELATION_ID_HEADER, traceId, false, null, null,
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-'"));
        }
        Long expectedVersion = null;
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch != null) {
            var matcher = VERSION.matcher(ifMatch.trim());
            if (matcher.matches()) {
                expectedVersion = Long.parseLong(matcher.group(2));
            } else {
                errors.addError(new FieldError("headers", "If-Match", ifMatch, false, null, null,
                        "must be the case version as returned in the ETag, such as \"3\""));
            }
        }
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return new CommandRequest(caller, key, expectedVersion, traceId != null ? traceId : UUID.randomUUID().toString());
    }

    Map<String, String> metadata() {
        return Map.of(EventMetadata.ACTOR, caller.account(), EventMetadata.TRACE_ID, traceId);
    }
}
