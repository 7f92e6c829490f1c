package fr.rep.caseengine.query.deadletter;

import java.time.Instant;

/**
 * A case whose events a projection set aside: the event that failed, and how many of the case's later events wait
 * behind it. Identifiers, type and position only: never the event's content.
 *
 * @param caseId         the case (the events' sequence)
 * @param eventId        the event that could not be applied
 * @param eventType      its type, e.g. {@code VisitingPermitIssued}
 * @param sequenceNumber its number within the case
 * @param position       its position in the event store ({@code global_index}), {@code null} if no longer found
 * @param error          why, as {@code PoisonCause} describes it: exception type, SQLState, place in the code
 * @param since          when it was set aside
 * @param waiting        the case's later events set aside behind it
 */
public record DeadLetteredCase(
        String caseId,
        String eventId,
        String eventType,
        Long sequenceNumber,
        Long position,
        String error,
        Instant since,
        long waiting) {}
