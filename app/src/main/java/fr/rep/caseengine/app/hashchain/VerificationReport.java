package fr.rep.caseengine.app.hashchain;

import java.time.Instant;

/**
 * What a walk of the event store found.
 *
 * @param intact        true when every event is chained, every link recomputes, nothing is missing or out of order
 *                      (and the noted head, when given, matches); events awaiting their store seal do not make a
 *                      store less intact
 * @param verifiedAt    when the walk started
 * @param events        events walked (rows of the store with their chain row, sealed or awaiting their store seal)
 * @param awaitingStoreSeal of those, the events awaiting their store seal: committed and case-chained, not yet given
 *                      a store position by the sealer (the newest ones; their content and case links were checked)
 * @param aggregates    distinct cases (and other aggregates: talking groups, sessions, prison suspensions) walked
 * @param durationMillis how long the walk took
 * @param head          the chain's head as recorded in {@code event_chain_head}: note it to check a later walk against
 * @param problems      how many broken links were found (0 when intact)
 * @param firstBrokenLink the first, in store order (unsealed rows and a wrong head come after every sealed row)
 * @param notedHead     the check against a head noted earlier, when asked
 */
public record VerificationReport(
        boolean intact,
        Instant verifiedAt,
        long events,
        long awaitingStoreSeal,
        long aggregates,
        long durationMillis,
        ChainHead head,
        long problems,
        BrokenLink firstBrokenLink,
        NotedHeadCheck notedHead) {

    /** A store position and the store chain's link there (64 hexadecimal digits). */
    public record ChainHead(long position, String storeLink) {}

    /** Whether the store chain's link at a noted position is still the one noted. */
    public record NotedHeadCheck(long position, String expectedStoreLink, String foundStoreLink, boolean matches) {}

    /**
     * One broken link. Fields that do not apply are null (an unsealed row, or one awaiting its store seal, has no store
     * position; a deleted row no longer has a case).
     */
    public record BrokenLink(
            Problem problem,
            Long storePosition,
            Long globalIndex,
            String eventIdentifier,
            String aggregateIdentifier,
            Long sequenceNumber,
            String detail) {}

    /** What is wrong with a link. */
    public enum Problem {
        /** The row's content (or its stored links or digest) changed after it was chained. */
        ALTERED,
        /** A sealed event is no longer in {@code domain_event_entry}. */
        DELETED,
        /** Another event stands at the global index where this one was sealed: rows were moved or swapped. */
        MOVED,
        /** Store positions skip: links (and, most likely, their events) were removed. */
        POSITION_MISSING,
        /** A case's sequence numbers skip: events of the case were removed. */
        CASE_EVENT_MISSING,
        /** A case's sequence numbers go back or repeat in store order: events were reordered. */
        OUT_OF_ORDER,
        /** A row of {@code domain_event_entry} has no link: it was written outside the engine. */
        UNSEALED,
        /** The chain does not end where {@code event_chain_head} says: its last links or the head were changed. */
        HEAD_MISMATCH,
        /** The store link at the noted position is not the one noted: the chain was recomputed since. */
        NOTED_HEAD_MISMATCH
    }
}
