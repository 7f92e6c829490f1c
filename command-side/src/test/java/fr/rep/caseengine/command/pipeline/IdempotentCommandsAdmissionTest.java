package fr.rep.caseengine.command.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A command request is admitted before its transaction opens: a wait for admission holds no connection. */
class IdempotentCommandsAdmissionTest {

    final List<String> steps = new ArrayList<>();

    @Test
    void a_request_is_admitted_before_its_transaction_begins() {
        IdempotentCommands commands = new IdempotentCommands(
                null, new TransactionTemplate(new Recorded()), Clock.systemUTC(), () -> steps.add("admitted"));

        CommandOutcome outcome = commands.run("lea.sao", null, "fingerprint", () -> {
            steps.add("command");
            return new CommandOutcome(201, "/api/cases/1", 0L, null);
        });

        assertThat(steps).containsExactly("admitted", "transaction begun", "command", "transaction committed");
        assertThat(outcome.status()).isEqualTo(201);
    }

    /** A transaction manager that only notes when a transaction begins and commits. */
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
