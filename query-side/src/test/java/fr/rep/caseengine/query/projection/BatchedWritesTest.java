package fr.rep.caseengine.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.query.ProjectionDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes deferred to the end of a transaction: sent before it commits, in order, or dropped with it. */
class BatchedWritesTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase("case_views");

    final JdbcTemplate jdbc = database.jdbc();
    final BatchedWrites writes = new BatchedWrites(jdbc);
    final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

    @BeforeEach
    void table() {
        jdbc.execute("DROP TABLE IF EXISTS batched_write");
        jdbc.execute("CREATE TABLE batched_write (id INT PRIMARY KEY, label TEXT)");
    }

    @Test
    void writes_wait_for_the_commit_then_are_all_sent_in_the_order_they_were_made() {
        transactions.executeWithoutResult(status -> {
            writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 1, "first");
            writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 2, "second");
            writes.add("UPDATE batched_write SET label = ? WHERE id = ?", "first, corrected", 1);
            writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 3, null);
            assertThat(count()).as("nothing sent before the commit").isZero();
        });

        assertThat(jdbc.queryForList(
                        "SELECT id || ':' || coalesce(label, '-') FROM batched_write ORDER BY id", String.class))
                .containsExactly("1:first, corrected", "2:second", "3:-");
    }

    @Test
    void a_rolled_back_transaction_sends_nothing_and_the_next_one_starts_empty() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 1, "lost");
                    throw new IllegalStateException("the batch failed");
                }))
                .hasMessage("the batch failed");

        transactions.executeWithoutResult(
                status -> writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 2, "kept"));

        assertThat(jdbc.queryForList("SELECT label FROM batched_write", String.class))
                .containsExactly("kept");
    }

    @Test
    void a_failing_write_rolls_back_the_whole_transaction() {
        jdbc.update("INSERT INTO batched_write (id, label) VALUES (1, 'there')");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    jdbc.update("UPDATE batched_write SET label = 'changed' WHERE id = 1");
                    writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 1, "duplicate");
                }))
                .isInstanceOf(RuntimeException.class);

        assertThat(jdbc.queryForList("SELECT label FROM batched_write", String.class))
                .isEqualTo(List.of("there"));
    }

    @Test
    void outside_a_transaction_a_write_is_sent_at_once() {
        writes.add("INSERT INTO batched_write (id, label) VALUES (?, ?)", 1, "now");

        assertThat(count()).isEqualTo(1);
    }

    private int count() {
        return jdbc.queryForObject("SELECT count(*) FROM batched_write", Integer.class);
    }
}
