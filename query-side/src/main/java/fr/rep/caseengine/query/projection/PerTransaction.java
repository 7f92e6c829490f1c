package fr.rep.caseengine.query.projection;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current Spring transaction: made on first use in it, forgotten when it ends
 * (committed or rolled back). A value that is itself a {@link TransactionSynchronization} also takes part in the
 * transaction's completion (for example, to write before it commits).
 */
public final class PerTransaction<T> {

    private final Supplier<T> initial;

    public PerTransaction(Supplier<T> initial) {
        this.initial = initial;
    }

    /** The current transaction's value if it was made already; never makes one. */
    @SuppressWarnings("unchecked")
    public Optional<T> existing() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable((T) TransactionSynchronizationManager.getResource(this));
    }

    /** The current transaction's value; empty outside a transaction. */
    @SuppressWarnings("unchecked")
    public Optional<T> get() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        T value = (T) TransactionSynchronizationManager.getResource(this);
        if (value == null) {
            value = initial.get();
            TransactionSynchronizationManager.bindResource(this, value);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
                }
            });
            if (value instanceof TransactionSynchronization synchronization) {
                TransactionSynchronizationManager.registerSynchronization(synchronization);
            }
        }
        return Optional.of(value);
    }
}
