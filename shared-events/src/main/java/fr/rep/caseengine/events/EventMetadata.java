package fr.rep.caseengine.events;

/**
 * Keys of the metadata every stored event carries. Like the payloads, these names are a permanent contract.
 */
public final class EventMetadata {

    /** Who caused the event: an account name, or a named system actor such as {@code system:demo-data}. */
    public static final String ACTOR = "actor";
    /** Identifier of the message that caused the event (set by Axon's message origin provider). */
    public static final String CORRELATION_ID = "correlationId";
    /** Identifier of the whole request chain, echoed to HTTP clients as {@code X-Correlation-Id}. */
    public static final String TRACE_ID = "traceId";

    private EventMetadata() {}
}
