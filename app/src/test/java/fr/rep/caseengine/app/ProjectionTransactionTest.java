package fr.rep.caseengine.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import fr.rep.caseengine.app.security.AccountStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The views and the processor's token commit in one transaction: when a view write fails, nothing of the batch is
 * kept (not even the other view's rows) and the token does not move past the event, which is processed again once
 * the fault is gone.
 */
class ProjectionTransactionTest extends EmbeddedDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    AccountStore accounts;

    @AfterEach
    void removeFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_rouen ON case_view");
        jdbc.execute("DROP FUNCTION IF EXISTS refuse_rouen()");
    }

    @Test
    void a_failing_view_write_rolls_back_the_whole_batch_and_is_retried_after_the_fault_is_gone() {
        jdbc.execute("""
                CREATE FUNCTION refuse_rouen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.prison = 'ROUEN' THEN RAISE EXCEPTION 'simulated failure of the case view'; END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_rouen BEFORE INSERT ON case_view FOR EACH ROW EXECUTE FUNCTION refuse_rouen()");
        CaseApi api = CaseApi.caseworker(http, accounts);

        String caseId = CaseApi.json(api.post("/api/cases",
                CaseApi.newFamily().replace("\"MA_AMIENS\"", "\"ROUEN\""), java.util.Map.of())).read("$.caseId");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> historyRows(caseId) == 0 && caseRows(caseId) == 0);

        removeFault();
        await().atMost(Duration.ofSeconds(90)).until(() -> historyRows(caseId) == 1 && caseRows(caseId) == 1);
    }

    private long historyRows(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM case_history_entry WHERE case_id = ?::uuid", Long.class, caseId);
    }

    private long caseRows(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM case_view WHERE case_id = ?::uuid", Long.class, caseId);
    }
}
