package fr.rep.caseengine.query.rebuild;

import fr.rep.caseengine.query.deadletter.DeadLetteredCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands.
 *
 * @param eventsDone       events replayed into the shadow schema so far
 * @param eventsTotal      events in the store when last counted (it grows while commands keep coming)
 * @param eventsPerSecond  mean rate since the replay started
 * @param secondsLeft      estimated from that rate; {@code null} until there is a rate
 * @param failure          why it stopped, when it failed
 * @param deadLetters      the cases whose events the rebuild could not apply and set aside (the first thousand):
 *                         once switched in, they are the projection's dead letters, to retry after a fix
 */
public record RebuildProgress(
        String projection,
        String schema,
        State state,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Long secondsLeft,
        Instant startedAt,
        Instant finishedAt,
        String failure,
        List<DeadLetteredCase> deadLetters) {

    public enum State {
        /** Copying the live tables' definitions into the shadow schema. */
        PREPARING,
        /** Replaying the store into the shadow schema; the live projection serves and keeps up. */
        REPLAYING,
        /** The live projection is paused for the last events and the swap of schemas. */
        SWITCHING,
        /** The rebuilt tables serve; the old ones are gone. */
        DONE,
        /** Stopped: the live projection was left as it was. */
        FAILED
    }

    static RebuildProgress of(
            String projection,
            String schema,
            State state,
            long done,
            long total,
            Instant startedAt,
            Instant replayStartedAt,
            Instant now,
            Instant finishedAt,
            String failure,
            List<DeadLetteredCase> deadLetters) {
        double seconds = replayStartedAt == null
                ? 0
                : Duration.between(replayStartedAt, now).toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        Long left = rate > 0 ? Math.round(Math.max(0, total - done) / rate) : null;
        return new RebuildProgress(
                projection,
                schema,
                state,
                done,
                Math.max(total, done),
                Math.round(rate * 10) / 10.0,
                state == State.DONE ? Long.valueOf(0) : left,
                startedAt,
                finishedAt,
                failure,
                List.copyOf(deadLetters));
    }
}
