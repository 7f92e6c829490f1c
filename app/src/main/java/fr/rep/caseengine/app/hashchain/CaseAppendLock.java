package fr.rep.caseengine.app.hashchain;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the appends to one case take turns until they commit: before an append, its transaction takes each of its
 * cases' locks in PostgreSQL ({@code event_append_lock}: transaction-scoped advisory locks, released at commit or
 * rollback), so that a later append to the same case, from any thread or node, waits until the earlier transaction
 * has committed or rolled back. Axon's own per-case lock does not do this: it lives in one JVM and ends with the
 * command's unit of work, before the command's transaction commits, and the cached case it leaves already holds the
 * uncommitted event.
 * <p>
 * Once it holds the locks, the append must follow what is stored: the event before its first one committed (or
 * appended earlier by this transaction), and nothing after. Otherwise the case it decided on is not the stored one
 * (its predecessor rolled back, or another transaction appended the same sequence number first) and the append fails
 * as Axon's {@link ConcurrencyException}: Axon then evicts the cached case, and the command may be tried again on the
 * case read anew. Its case link is never computed against a predecessor it cannot see. A deadlock between two such
 * transactions (each appending to two cases, in opposite orders) or a lock timeout fails the same way.
 * <p>
 * A transaction that rolls back after Axon's unit of work committed (its idempotency record or its case links could
 * not be written, its commit failed) leaves its cases cached at versions that were never stored: they are evicted
 * from Axon's aggregate caches when it has rolled back, so that the next command reads them from the store.
 */
final class CaseAppendLock {

    private static final Logger LOG = LoggerFactory.getLogger(CaseAppendLock.class);
    private static final String LOCK = "SELECT aggregate, last_sequence_number FROM event_append_lock(?)";
    /** PostgreSQL's deadlock_detected and lock_not_available (lock_timeout): the transaction may be tried again. */
    private static final Set<String> LOCK_CONFLICTS = Set.of("40P01", "55P03");

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Cache> aggregateCaches;

    CaseAppendLock(JdbcTemplate jdbc, ObjectProvider<Cache> aggregateCaches) {
        this.jdbc = jdbc;
        this.aggregateCaches = aggregateCaches;
    }

    /**
     * Takes the locks of the cases of these events, in the current transaction, and checks that each case's stored
     * events end just before the first of these.
     *
     * @throws ConcurrencyException when they do not, or on a deadlock or lock timeout
     * @throws AggregateStreamCreationException when a case these events would create exists already
     */
    void lock(List<? extends EventMessage<?>> events) {
        Map<String, DomainEventMessage<?>> firstOfCase = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            // An event of no aggregate is stored as number 0 under an identifier of its own: no turn to take.
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                firstOfCase.merge(
                        domain.getAggregateIdentifier(),
                        domain,
                        (first, next) -> next.getSequenceNumber() < first.getSequenceNumber() ? next : first);
            }
        }
        if (firstOfCase.isEmpty()) {
            return;
        }
        evictOnRollback(firstOfCase.keySet());
        Map<String, Long> lastStored =
                lockAndReadLastStored(firstOfCase.keySet().toArray(String[]::new));
        firstOfCase.forEach((aggregate, first) -> requireFollows(first, lastStored.get(aggregate)));
    }

    private Map<String, Long> lockAndReadLastStored(String[] aggregates) {
        Map<String, Long> lastStored = new HashMap<>();
        try {
            jdbc.query(
                    connection -> {
                        PreparedStatement statement = connection.prepareStatement(LOCK);
                        statement.setArray(1, connection.createArrayOf("varchar", aggregates));
                        return statement;
                    },
                    row -> {
                        long last = row.getLong("last_sequence_number");
                        Long stored = row.wasNull() ? null : last;
                        lastStored.put(row.getString("aggregate"), stored);
                    });
        } catch (DataAccessException e) {
            if (isLockConflict(e)) {
                throw new ConcurrencyException(
                        "Appending to " + String.join(", ", aggregates) + " conflicted with "
                                + "another transaction appending to the same cases ("
                                + e.getMostSpecificCause().getMessage()
                                + "); the command may be tried again",
                        e);
            }
            throw e;
        }
        return lastStored;
    }

    private static void requireFollows(DomainEventMessage<?> first, Long lastStored) {
        long expected = first.getSequenceNumber() - 1;
        long last = lastStored == null ? -1 : lastStored;
        if (last == expected) {
            return;
        }
        String aggregate = first.getAggregateIdentifier();
        LOG.debug("Appending #{} to {} after #{} stored: a conflict", first.getSequenceNumber(), aggregate, last);
        if (last > expected && first.getSequenceNumber() == 0) {
            throw new AggregateStreamCreationException(
                    "Cannot create " + first.getType() + " " + aggregate + ": it exists already");
        }
        throw new ConcurrencyException(
                last > expected
                        ? "An event for aggregate [" + aggregate + "] at sequence [" + first.getSequenceNumber()
                                + "] was " + "already appended by another transaction: the case must be read again"
                        : "Cannot append event #" + first.getSequenceNumber() + " to aggregate [" + aggregate
                                + "]: the "
                                + "store holds it only up to #" + last
                                + " (the event it was decided after rolled back); the "
                                + "case must be read again");
    }

    @SuppressWarnings("unchecked")
    private void evictOnRollback(Collection<String> aggregates) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Set<String> appendedTo = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (appendedTo == null) {
            Set<String> cases = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, cases);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseAppendLock.this);
                    if (status != STATUS_COMMITTED) {
                        aggregateCaches.forEach(cache -> cases.forEach(cache::remove));
                    }
                }
            });
            appendedTo = cases;
        }
        appendedTo.addAll(aggregates);
    }

    private static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (LOCK_CONFLICTS.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
