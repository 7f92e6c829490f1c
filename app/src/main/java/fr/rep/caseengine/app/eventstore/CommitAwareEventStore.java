package fr.rep.caseengine.app.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, whose readers are woken when the events they wait for are committed. Axon wakes them
 * when its unit of work commits; but a command runs inside the transaction of its request (its idempotency key, its
 * access check), which commits later: woken too early, the store's reader found nothing yet and slept its full fetch
 * delay (a second), and every tracking projection saw the command up to a second late. The readers are woken again
 * when the outermost transaction commits.
 */
class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommitAwareEventStore.super.afterCommit(events);
                }
            });
        }
    }
}
