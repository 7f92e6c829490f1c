package fr.rep.caseengine.query.deadletter;

import fr.rep.caseengine.query.projection.BatchedWrites;
import fr.rep.caseengine.query.projection.PerTransaction;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies an event on its own within its batch's transaction, so that the event alone fails when it cannot be
 * applied: a savepoint before it, its batched writes sent before it is done, and on failure the transaction rolled
 * back to that savepoint (its writes undone, the transaction still usable for the dead letter and the rest of the
 * batch).
 * <p>
 * Why not always: a savepoint and a flush per event cost round trips that a healthy batch does not need. A batch is
 * applied whole; when it fails, its events become suspects ({@link #suspect}), the processor retries the batch, and
 * only then are the suspects applied one by one. PostgreSQL aborts a transaction on any failed statement, so without
 * the savepoint no dead letter could be written after a refused write (Axon's dead-letter queue alone does not cover
 * database errors), and a failure of the writes sent at commit could not be told apart from the batch's other events.
 */
@Component
public class PoisonIsolation {

    static final String SAVEPOINT = "poison_isolation";
    private static final int SUSPECTS_REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final Set<String> suspects = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SUSPECTS_REMEMBERED;
        }
    }));
    private final ThreadLocal<Boolean> everyEvent = ThreadLocal.withInitial(() -> false);
    private final PerTransaction<EventSavepoint> savepoints = new PerTransaction<>(EventSavepoint::new);

    public PoisonIsolation(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The events of a failed batch: when they come again, each is applied on its own. */
    public void suspect(Collection<? extends EventMessage<?>> events) {
        events.forEach(event -> suspects.add(event.getIdentifier()));
    }

    /** Runs {@code work} with every event this thread applies isolated (a rebuild's second attempt at a batch). */
    public <T> T isolatingEveryEvent(Callable<T> work) throws Exception {
        boolean before = everyEvent.get();
        everyEvent.set(true);
        try {
            return work.call();
        } finally {
            everyEvent.set(before);
        }
    }

    boolean isolates(Message<?> message) {
        return everyEvent.get() || suspects.contains(message.getIdentifier());
    }

    /** Whether {@code eventId} failed on its own in the current transaction (its writes are rolled back). */
    public boolean failedAlone(String eventId) {
        return savepoints
                .existing()
                .map(savepoint -> savepoint.failed.contains(eventId))
                .orElse(false);
    }

    /** Applies one handler of {@code message} isolated; every handler of the same event shares one savepoint. */
    Object apply(Message<?> message, Callable<Object> handler) throws Exception {
        EventSavepoint savepoint = savepoints.get().orElse(null);
        if (savepoint == null) {
            return handler.call();
        }
        String eventId = message.getIdentifier();
        if (!eventId.equals(savepoint.eventId)) {
            writes.flush();
            jdbc.execute(
                    savepoint.eventId == null
                            ? "SAVEPOINT " + SAVEPOINT
                            : "RELEASE SAVEPOINT " + SAVEPOINT + "; SAVEPOINT " + SAVEPOINT);
            savepoint.eventId = eventId;
        }
        try {
            Object result = handler.call();
            writes.flush();
            return result;
        } catch (Exception e) {
            writes.discard();
            jdbc.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            savepoint.failed.add(eventId);
            suspects.remove(eventId);
            throw e;
        }
    }

    /** The current transaction's savepoint: which event it was set before, and which events failed on their own. */
    private static final class EventSavepoint {
        private String eventId;
        private final Set<String> failed = new HashSet<>();
    }
}
