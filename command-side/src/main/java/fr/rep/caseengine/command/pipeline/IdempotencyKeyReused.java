package fr.rep.caseengine.command.pipeline;

/** The same idempotency key came with a different request: the client has a bug, nothing is executed. */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request");
    }
}
