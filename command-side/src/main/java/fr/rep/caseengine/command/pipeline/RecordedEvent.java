package fr.rep.caseengine.command.pipeline;

/**
 * An event a command request recorded, as its answer names it: what a correction takes as the corrected entry, and
 * where it stands in its case's (or action's) history.
 *
 * @param eventId  the event's identifier, as the history lists it and a correction's {@code correctedEventId} takes it
 * @param sequence its sequence number in its aggregate's history (the case version it made, the first being 0)
 * @param type     the event's type, as the history calls it (e.g. {@code InterviewHeld})
 */
public record RecordedEvent(String eventId, long sequence, String type) {}
