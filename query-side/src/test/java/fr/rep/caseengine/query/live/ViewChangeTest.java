package fr.rep.caseengine.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.events.familycase.Team;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A view change reaches listeners when the projection's transaction commits, and never when it rolls back. */
class ViewChangeTest {

    static EmbeddedPostgres postgres;
    static Connection listener;

    final ViewChange change = new ViewChange(
            "caseload",
            Team.PAS_DE_CALAIS,
            UUID.randomUUID(),
            java.util.Arrays.asList("paul.pdc", null, "", "paul.pdc"));

    @BeforeAll
    static void database() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        listener = postgres.getPostgresDatabase().getConnection();
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + ViewChange.CHANNEL);
        }
    }

    @AfterAll
    static void stop() throws IOException, SQLException {
        listener.close();
        postgres.close();
    }

    @Test
    void a_change_is_heard_only_once_its_transaction_commits() throws SQLException {
        try (Connection projection = postgres.getPostgresDatabase().getConnection()) {
            projection.setAutoCommit(false);
            change.announce(new JdbcTemplate(new SingleConnectionDataSource(projection, true)));
            assertThat(received()).isEmpty();

            projection.commit();
        }

        assertThat(received()).containsExactly(change);
        assertThat(change.caseworkers()).containsExactly("paul.pdc");
    }

    @Test
    void a_rolled_back_change_is_never_heard() throws SQLException {
        try (Connection projection = postgres.getPostgresDatabase().getConnection()) {
            projection.setAutoCommit(false);
            change.announce(new JdbcTemplate(new SingleConnectionDataSource(projection, true)));

            projection.rollback();
        }

        assertThat(received()).isEmpty();
    }

    @Test
    void in_a_projections_transaction_its_distinct_changes_are_heard_once_each_in_order_when_it_commits()
            throws SQLException {
        ViewChange another = new ViewChange("work-queue", Team.SOMME_AISNE_OISE, UUID.randomUUID(), List.of("lea.sao"));
        try (Connection projection = postgres.getPostgresDatabase().getConnection()) {
            DataSource database = new SingleConnectionDataSource(projection, true);
            JdbcTemplate jdbc = new JdbcTemplate(database);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));

            transactions.executeWithoutResult(status -> {
                change.announce(jdbc);
                another.announce(jdbc);
                change.announce(jdbc);
            });
            assertThat(received()).containsExactly(change, another);

            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                        another.announce(jdbc);
                        throw new IllegalStateException("the batch failed");
                    }))
                    .hasMessage("the batch failed");
            assertThat(received()).isEmpty();
        }
    }

    /** Notifications are delivered to the listening session before the committing session's answer returns. */
    private static List<ViewChange> received() throws SQLException {
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(200);
        List<ViewChange> changes = new ArrayList<>();
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                changes.add(ViewChange.parse(notification.getParameter()));
            }
        }
        return changes;
    }
}
