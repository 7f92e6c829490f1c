package fr.rep.caseengine.app.hashchain;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Axon's JDBC storage engine whose every append takes its cases' turns ({@link CaseAppendLock}: appends to one case
 * wait for each other's commit, and an append that does not follow the stored case is a conflict), is chained into its
 * case's hash chain just before its transaction commits, and sealed into the store chain by the
 * {@link StoreChainSealer} right after. An append outside any transaction (a loader calling the engine directly) gets
 * a transaction of its own, so that the rows and their case links commit together.
 */
final class HashChainedEventStorageEngine extends JdbcEventStorageEngine {

    private final CaseAppendLock turns;
    private final EventSealer sealer;
    private final TransactionTemplate transaction;

    HashChainedEventStorageEngine(
            JdbcEventStorageEngine.Builder builder,
            CaseAppendLock turns,
            EventSealer sealer,
            TransactionTemplate transaction) {
        super(builder);
        this.turns = turns;
        this.sealer = sealer;
        this.transaction = transaction;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            appendAndSealOnCommit(events, serializer);
        } else {
            transaction.executeWithoutResult(status -> appendAndSealOnCommit(events, serializer));
        }
    }

    private void appendAndSealOnCommit(List<? extends EventMessage<?>> events, Serializer serializer) {
        turns.lock(events);
        super.appendEvents(events, serializer);
        sealer.sealOnCommit(events.stream().map(EventMessage::getIdentifier).toList());
    }
}
