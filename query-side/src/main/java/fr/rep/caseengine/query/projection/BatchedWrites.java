package fr.rep.caseengine.query.projection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes a projection sends at the end of its transaction, as JDBC batches, instead of one round trip each.
 * <p>
 * For rows nothing reads or depends on within the same batch of events (a case's history entries): a processor's
 * batch, or a rebuild's, then costs one round trip per run of identical statements rather than one per event. The
 * writes are sent just before the transaction commits, in the order they were made (consecutive writes of the same
 * statement form one JDBC batch), in the same transaction as the processor's token: they commit with it or not at
 * all. Outside a transaction each write is sent at once.
 */
@Component
public class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final PerTransaction<Pending> pending = new PerTransaction<>(Pending::new);

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes with {@code sql} and {@code arguments} before the current transaction commits (now, without one). */
    public void add(String sql, Object... arguments) {
        pending.get().ifPresentOrElse(writes -> writes.add(sql, arguments), () -> jdbc.update(sql, arguments));
    }

    /**
     * Sends the current transaction's pending writes now, so that they succeed or fail with the event being applied
     * rather than with the whole batch at commit ({@link fr.rep.caseengine.query.deadletter.PoisonIsolation}).
     */
    public void flush() {
        pending.existing().ifPresent(Pending::send);
    }

    /** Forgets the current transaction's pending writes: the event that made them was rolled back. */
    public void discard() {
        pending.existing().ifPresent(Pending::clear);
    }

    /** One statement and the arguments of its consecutive writes. */
    private record Run(String sql, List<Object[]> arguments) {}

    /** The current transaction's writes, sent before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final List<Run> runs = new ArrayList<>();

        void add(String sql, Object[] arguments) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.sql().equals(sql)) {
                last = new Run(sql, new ArrayList<>());
                runs.add(last);
            }
            last.arguments().add(arguments);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
        }

        void send() {
            List<Run> sending = List.copyOf(runs);
            runs.clear();
            for (Run run : sending) {
                jdbc.batchUpdate(run.sql(), run.arguments());
            }
        }

        void clear() {
            runs.clear();
        }
    }
}
