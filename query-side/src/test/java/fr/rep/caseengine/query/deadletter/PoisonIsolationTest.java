package fr.rep.caseengine.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.query.ProjectionDatabase;
import fr.rep.caseengine.query.projection.BatchedWrites;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An isolated event fails alone: its writes undone, the transaction still usable for the others and the letter. */
class PoisonIsolationTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase("case_views");

    static final String INSERT = "INSERT INTO isolated_write (id, label) VALUES (?, ?)";

    final JdbcTemplate jdbc = database.jdbc();
    final BatchedWrites writes = new BatchedWrites(jdbc);
    final PoisonIsolation isolation = new PoisonIsolation(jdbc, writes);
    final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

    @BeforeEach
    void table() {
        jdbc.execute("DROP TABLE IF EXISTS isolated_write");
        jdbc.execute("CREATE TABLE isolated_write (id INT PRIMARY KEY, label TEXT)");
    }

    @Test
    void a_suspect_event_whose_batched_write_postgresql_refuses_fails_alone_and_the_transaction_goes_on() {
        EventMessage<?> before = event();
        EventMessage<?> poison = event();
        EventMessage<?> after = event();
        isolation.suspect(List.of(before, poison, after));

        transactions.executeWithoutResult(status -> {
            apply(before, () -> writes.add(INSERT, 1, "before"));
            assertThatThrownBy(() -> apply(poison, () -> {
                        jdbc.update(INSERT, 2, "direct write of the poison event");
                        writes.add(INSERT, 3, "Jean\u0000Valjean");
                    }))
                    .hasRootCauseInstanceOf(java.sql.SQLException.class);
            apply(after, () -> writes.add(INSERT, 4, "after"));
            assertThat(isolation.failedAlone(poison.getIdentifier())).isTrue();
            assertThat(isolation.failedAlone(before.getIdentifier())).isFalse();
        });

        assertThat(labels()).containsExactly("before", "after");
    }

    @Test
    void when_a_second_handler_fails_the_first_handlers_writes_for_the_same_event_are_undone_too() {
        EventMessage<?> poison = event();
        isolation.suspect(List.of(poison));

        transactions.executeWithoutResult(status -> {
            apply(poison, () -> jdbc.update(INSERT, 1, "first handler"));
            assertThatThrownBy(() -> apply(poison, () -> {
                        writes.add(INSERT, 2, "second handler, batched");
                        throw new IllegalStateException("second handler fails");
                    }))
                    .hasMessage("second handler fails");
            jdbc.update(INSERT, 3, "still usable");
        });

        assertThat(labels()).containsExactly("still usable");
    }

    @Test
    void an_event_that_is_no_suspect_is_applied_with_its_batch_without_a_savepoint() {
        EventMessage<?> healthy = event();

        transactions.executeWithoutResult(status -> {
            assertThat(isolation.isolates(healthy)).isFalse();
            writes.add(INSERT, 1, "batched");
            assertThat(labels()).as("nothing sent before the commit").isEmpty();
        });

        assertThat(labels()).containsExactly("batched");
    }

    @Test
    void every_event_is_isolated_while_asked_on_this_thread_only() throws Exception {
        EventMessage<?> any = event();

        assertThat(isolation.isolatingEveryEvent(() -> isolation.isolates(any))).isTrue();
        assertThat(isolation.isolates(any)).isFalse();
    }

    private void apply(EventMessage<?> event, Runnable handler) {
        try {
            isolation.apply(event, () -> {
                handler.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> labels() {
        return jdbc.queryForList("SELECT label FROM isolated_write ORDER BY id", String.class);
    }

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage("an event");
    }
}
