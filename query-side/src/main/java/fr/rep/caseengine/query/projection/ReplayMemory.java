package fr.rep.caseengine.query.projection;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a projection may keep in memory between the transactions of one rebuild, so as not to read back what it wrote
 * itself a batch earlier: a rebuild is the only writer of its shadow tables, and it hands each case to the same
 * worker in store order, so what a handler remembers of a case is what the tables hold. The live processors never
 * have one: other nodes, retries and rebuilds write the live tables.
 * <p>
 * A handler asks {@link #current()} (empty outside a rebuild) and, on a miss, reads the tables as it does live. What a
 * transaction looked at is forgotten if it does not commit, so memory never runs ahead of the tables. Bounded: the
 * cases used least recently are forgotten first, and a forgotten case is read from the tables again.
 */
public final class ReplayMemory {

    private final Map<Object, Object> kept;

    /** @param capacity how many entries are kept at most (a case's entry, typically) */
    public ReplayMemory(int capacity) {
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Makes this memory the current transaction's, until it ends; what it touched is forgotten on a rollback. */
    public void attachToTransaction() {
        Scope scope = new Scope(this, new HashSet<>());
        TransactionSynchronizationManager.bindResource(ReplayMemory.class, scope);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ReplayMemory.class);
                if (status != STATUS_COMMITTED) {
                    scope.touched().forEach(kept::remove);
                }
            }
        });
    }

    /** The memory of the rebuild the current transaction belongs to; empty in any other transaction. */
    public static Optional<Scope> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable((Scope) TransactionSynchronizationManager.getResource(ReplayMemory.class));
    }

    /** The memory seen from one transaction: whatever it gets or puts is counted as changed by it. */
    public record Scope(ReplayMemory memory, Set<Object> touched) {

        /** What was kept under {@code key}, or null; the caller may change it in place. */
        @SuppressWarnings("unchecked")
        public <T> T get(Object key) {
            touched.add(key);
            return (T) memory.kept.get(key);
        }

        public void put(Object key, Object value) {
            touched.add(key);
            memory.kept.put(key, value);
        }
    }
}
