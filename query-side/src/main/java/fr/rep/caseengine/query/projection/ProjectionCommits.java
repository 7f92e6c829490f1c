package fr.rep.caseengine.query.projection;

import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The read models' transactions commit without waiting for their write-ahead log to reach the disk (PostgreSQL's
 * {@code synchronous_commit = off}, for these transactions only; the event store's appends stay synchronous).
 * <p>
 * Safe because a read model holds nothing of its own: its rows and its processor's token are written in one
 * transaction, so a crash can only lose the last few hundred milliseconds of projected batches <em>together with</em>
 * their token, and the processor projects those events again from the durable store. PostgreSQL never reorders or
 * half-applies such commits, and any later synchronous commit (an append, a rebuild's switch) flushes them too.
 * Process managers (prison suspensions) and subscribing projections are not listed: they send commands or act inside
 * the command's own transaction. {@code rep.projections.asynchronous-commit=false} makes every commit wait.
 */
@Configuration
public class ProjectionCommits {

    /** The statement that makes the current transaction commit without waiting for the disk. */
    public static final String COMMIT_WITHOUT_WAITING = "SET LOCAL synchronous_commit TO OFF";

    @Bean
    ConfigurerModule readModelsCommitWithoutWaitingForTheDisk(
            List<ReadModel> readModels,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc,
            @Value("${rep.projections.asynchronous-commit:true}") boolean asynchronous) {
        return configurer -> {
            if (asynchronous) {
                TransactionManager readModelTransactions =
                        new AsynchronousCommit(new SpringTransactionManager(transactions), jdbc);
                readModels.forEach(readModel -> configurer
                        .eventProcessing()
                        .registerTransactionManager(readModel.processingGroup(), config -> readModelTransactions));
            }
        };
    }

    /** Spring's transactions, each told at its start to commit without waiting for the disk. */
    record AsynchronousCommit(TransactionManager transactions, JdbcTemplate jdbc) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            Transaction transaction = transactions.startTransaction();
            try {
                jdbc.execute(COMMIT_WITHOUT_WAITING);
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        }
    }
}
