package fr.rep.caseengine.app.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.query.caseview.CaseViewsProcessing;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commands wait while the case views are too far behind the store, and only then: the views are held back here by a
 * lock on their table, as a saturated machine would hold back their processor.
 */
class ViewBacklogGateIT extends EmbeddedDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ViewBacklogGate appGate;

    @Autowired
    ViewBacklogSettings appSettings;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    Connection viewsLock;

    @AfterEach
    void releaseTheViews() throws SQLException {
        if (viewsLock != null) {
            viewsLock.rollback();
            viewsLock.close();
        }
        processing
                .eventProcessor(CaseViewsProcessing.PROCESSING_GROUP, StreamingEventProcessor.class)
                .ifPresent(StreamingEventProcessor::start);
        await().atMost(Duration.ofSeconds(60)).until(() -> appGate.backlog() == 0);
    }

    @Test
    void a_command_waits_while_the_views_are_too_far_behind_and_goes_on_once_they_caught_up() throws Exception {
        ViewBacklogGate gate = gateOverItsBacklog(new ViewBacklogSettings(5, Duration.ofMinutes(1)));

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(gate::awaitViews);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

        letTheViewsGo();
        waiting.get();
        assertThat(gate.backlog()).isLessThanOrEqualTo(5);
        assertThat(gate.held().commands()).isEqualTo(1);
        assertThat(gate.held().waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_command_goes_on_after_the_longest_wait_even_if_the_views_stay_behind() {
        ViewBacklogGate gate = gateOverItsBacklog(new ViewBacklogSettings(5, Duration.ofMillis(500)));

        long started = System.nanoTime();
        gate.awaitViews();
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(gate.backlog()).isGreaterThan(5);
    }

    @Test
    void a_command_sent_from_inside_a_transaction_is_not_held_at_dispatch_since_it_holds_a_connection() {
        ViewBacklogGate gate = gateOverItsBacklog(new ViewBacklogSettings(5, Duration.ofMinutes(1)));
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

        new TransactionTemplate(transactions)
                .executeWithoutResult(
                        status -> assertThat(gate.handle(List.of(command)).apply(0, command))
                                .isSameAs(command));

        assertThat(gate.held().commands()).isZero();
        assertThat(gate.backlog()).isGreaterThan(5);
    }

    @Test
    void with_no_backlog_allowed_set_to_zero_no_command_waits() {
        ViewBacklogGate gate = new ViewBacklogGate(processing, jdbc, new ViewBacklogSettings(0, Duration.ofMinutes(1)));
        CaseApi api = CaseApi.caseworker(http, accounts);
        holdTheViewsBack();
        newCase(api);

        gate.awaitAdmission();

        assertThat(gate.held().commands()).isZero();
        assertThat(gate.backlog()).isPositive();
    }

    @Test
    void the_app_holds_every_command_back_while_the_views_lag_beyond_its_setting() {
        CaseApi api = holdTheViewsBackBeyond(appGate, appSettings.maxEvents());

        long heldBefore = appGate.held().commands();
        long started = System.nanoTime();
        assertThat(api.post("/api/cases", CaseApi.newFamily(), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(appSettings.maxWait());
        assertThat(appGate.held().commands()).isGreaterThan(heldBefore);
    }

    @Test
    void a_stopped_views_processor_holds_no_command_back() {
        CaseApi api = CaseApi.caseworker(http, accounts);
        processing
                .eventProcessor(CaseViewsProcessing.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow()
                .shutDown();

        long heldBefore = appGate.held().commands();

        newCase(api);

        assertThat(appGate.backlog()).isZero();
        assertThat(appGate.held().commands()).isEqualTo(heldBefore);
    }

    /** A gate of its own over the context's processor, with the views held back until more than its backlog. */
    private ViewBacklogGate gateOverItsBacklog(ViewBacklogSettings settings) {
        ViewBacklogGate gate = new ViewBacklogGate(processing, jdbc, settings);
        holdTheViewsBackBeyond(gate, settings.maxEvents());
        return gate;
    }

    /** Holds the views back and records new cases until {@code gate} sees more than {@code maxEvents} to project. */
    private CaseApi holdTheViewsBackBeyond(ViewBacklogGate gate, int maxEvents) {
        CaseApi api = CaseApi.caseworker(http, accounts);
        holdTheViewsBack();
        while (gate.backlog() <= maxEvents) {
            newCase(api);
        }
        return api;
    }

    private void newCase(CaseApi api) {
        assertThat(api.post("/api/cases", CaseApi.newFamily(), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    /** The views' processor blocks on its next write to the case list until {@link #letTheViewsGo()}. */
    private void holdTheViewsBack() {
        try {
            viewsLock = dataSource.getConnection();
            viewsLock.setAutoCommit(false);
            try (Statement statement = viewsLock.createStatement()) {
                statement.execute("LOCK TABLE case_views.case_view IN SHARE ROW EXCLUSIVE MODE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void letTheViewsGo() throws SQLException {
        viewsLock.rollback();
        viewsLock.close();
        viewsLock = null;
    }
}
