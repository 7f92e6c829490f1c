package fr.rep.caseengine.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReplayMemoryTest {

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(ReplayMemory.class);
    }

    @Test
    void what_a_committed_transaction_kept_is_there_for_the_next_one() {
        ReplayMemory memory = new ReplayMemory(10);

        inTransaction(memory, TransactionSynchronization.STATUS_COMMITTED, scope -> scope.put("case-1", "facts"));

        inTransaction(
                memory,
                TransactionSynchronization.STATUS_COMMITTED,
                scope -> assertThat(scope.<String>get("case-1")).isEqualTo("facts"));
    }

    /** The tables rolled back: what the transaction put or may have changed in place must be read from them again. */
    @Test
    void what_a_rolled_back_transaction_put_or_looked_at_is_forgotten_and_the_rest_kept() {
        ReplayMemory memory = new ReplayMemory(10);
        inTransaction(memory, TransactionSynchronization.STATUS_COMMITTED, scope -> {
            scope.put("case-1", "facts 1");
            scope.put("case-2", "facts 2");
        });

        inTransaction(memory, TransactionSynchronization.STATUS_ROLLED_BACK, scope -> {
            assertThat(scope.<String>get("case-1")).isEqualTo("facts 1");
            scope.put("case-3", "facts 3");
        });

        inTransaction(memory, TransactionSynchronization.STATUS_COMMITTED, scope -> {
            assertThat(scope.<String>get("case-1")).isNull();
            assertThat(scope.<String>get("case-3")).isNull();
            assertThat(scope.<String>get("case-2")).isEqualTo("facts 2");
        });
    }

    @Test
    void the_least_recently_used_case_is_forgotten_beyond_the_capacity() {
        ReplayMemory memory = new ReplayMemory(2);

        inTransaction(memory, TransactionSynchronization.STATUS_COMMITTED, scope -> {
            scope.put("case-1", "facts 1");
            scope.put("case-2", "facts 2");
            scope.get("case-1");
            scope.put("case-3", "facts 3");
        });

        inTransaction(memory, TransactionSynchronization.STATUS_COMMITTED, scope -> {
            assertThat(scope.<String>get("case-2")).isNull();
            assertThat(scope.<String>get("case-1")).isEqualTo("facts 1");
        });
    }

    @Test
    void live_transactions_and_code_outside_a_transaction_have_no_memory() {
        assertThat(ReplayMemory.current()).isEmpty();
        TransactionSynchronizationManager.initSynchronization();
        assertThat(ReplayMemory.current()).isEmpty();
    }

    private static void inTransaction(ReplayMemory memory, int outcome, Consumer<ReplayMemory.Scope> work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            memory.attachToTransaction();
            work.accept(ReplayMemory.current().orElseThrow());
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                synchronization.afterCompletion(outcome);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(TransactionSynchronizationManager.hasResource(ReplayMemory.class))
                .isFalse();
    }
}
