package fr.rep.caseengine.command.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command that meets a concurrent append to its case is tried again in a fresh transaction when the client named no
 * version, a bounded number of times with a pause before each retry; with {@code If-Match}, the conflict is the
 * client's to resolve.
 */
class IdempotentCommandsRetryTest {

    private static final CommandOutcome DONE = new CommandOutcome(204, null, 7L, null);

    final List<String> steps = new ArrayList<>();
    final IdempotentCommands commands = new IdempotentCommands(
            null,
            new TransactionTemplate(new Recorded()),
            Clock.systemUTC(),
            () -> steps.add("admitted"),
            retry -> steps.add("pause before retry " + retry));

    @Test
    void a_command_without_if_match_that_meets_a_concurrent_append_is_run_again_in_a_fresh_transaction() {
        CommandOutcome outcome = commands.run("lea.sao", null, "fingerprint", null, conflicting(2));

        assertThat(outcome).isEqualTo(DONE);
        assertThat(steps)
                .containsExactly(
                        "admitted",
                        "transaction begun",
                        "command",
                        "transaction rolled back",
                        "pause before retry 1",
                        "transaction begun",
                        "command",
                        "transaction rolled back",
                        "pause before retry 2",
                        "transaction begun",
                        "command",
                        "transaction committed");
    }

    @Test
    void the_retries_are_bounded_and_the_last_conflict_is_the_answer() {
        assertThatThrownBy(() -> commands.run("lea.sao", null, "fingerprint", null, conflicting(Integer.MAX_VALUE)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(steps).filteredOn("command"::equals).hasSize(IdempotentCommands.ATTEMPTS);
        assertThat(steps).filteredOn("transaction committed"::equals).isEmpty();
        assertThat(steps).filteredOn(step -> step.startsWith("pause")).hasSize(IdempotentCommands.ATTEMPTS - 1);
    }

    @Test
    void a_command_with_if_match_gets_the_conflict_at_once() {
        assertThatThrownBy(() -> commands.run("lea.sao", null, "fingerprint", 3L, conflicting(1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(steps).containsExactly("admitted", "transaction begun", "command", "transaction rolled back");
    }

    @Test
    void a_stale_version_is_not_a_concurrent_append_and_is_never_retried() {
        assertThatThrownBy(() -> commands.run("lea.sao", null, "fingerprint", null, () -> {
                    steps.add("command");
                    throw new ConflictingAggregateVersionException("case", 3, 4);
                }))
                .isInstanceOf(ConflictingAggregateVersionException.class);

        assertThat(steps).filteredOn("command"::equals).hasSize(1);
    }

    @Test
    void a_command_run_inside_a_transaction_opened_by_its_caller_is_not_retried_in_that_spoiled_transaction() {
        TransactionTemplate callers = new TransactionTemplate(new Recorded());

        assertThatThrownBy(() -> callers.executeWithoutResult(
                        status -> commands.run("lea.sao", null, "fingerprint", null, conflicting(1))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(steps).filteredOn("command"::equals).hasSize(1);
    }

    /** A command whose first {@code conflicts} tries meet a concurrent append. */
    private Supplier<CommandOutcome> conflicting(int conflicts) {
        int[] tries = new int[1];
        return () -> {
            steps.add("command");
            if (tries[0]++ < conflicts) {
                throw new ConcurrencyException("another transaction appended to the case first");
            }
            return DONE;
        };
    }

    /** A transaction manager that only notes when a transaction begins, commits and rolls back. */
    private final class Recorded extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            steps.add("transaction begun");
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            steps.add("transaction committed");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            steps.add("transaction rolled back");
        }
    }
}
