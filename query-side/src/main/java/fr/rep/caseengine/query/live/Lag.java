package fr.rep.caseengine.query.live;

/**
 * How far behind the event store a projection is.
 *
 * @param events  events stored after the lowest position of the projection's segments, not yet applied everywhere
 * @param seconds how long ago the oldest of those was stored; 0 when caught up
 */
public record Lag(long events, long seconds) {

    public static final Lag NONE = new Lag(0, 0);
}
