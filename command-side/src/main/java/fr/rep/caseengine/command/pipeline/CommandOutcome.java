package fr.rep.caseengine.command.pipeline;

/**
 * The answer to a successful command request, as stored for idempotent resends.
 *
 * @param status   HTTP status
 * @param location the {@code Location} header, or {@code null}
 * @param version  the case version after the command (sent as the {@code ETag})
 * @param body     the JSON body, or {@code null}
 */
public record CommandOutcome(int status, String location, long version, String body) {}
