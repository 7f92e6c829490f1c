package fr.rep.caseengine.command.pipeline;

import java.util.List;

/**
 * The answer to a command on something that exists (200): its new version and the events the command recorded.
 *
 * @param version the version after the command (also sent as the {@code ETag})
 * @param events  the events recorded, in the order they were recorded
 */
public record CommandAnswer(long version, List<RecordedEvent> events) {}
