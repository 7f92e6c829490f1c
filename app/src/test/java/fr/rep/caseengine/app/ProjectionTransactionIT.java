package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.query.deadletter.ProjectionDeadLetters;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The views and the processor's token commit in one transaction: when a view write fails, nothing of the event is
 * kept (not even the other view's rows); the event is set aside, and applied when an administrator retries it once
 * the fault is gone. The views' transactions commit without waiting for the disk; the event store's wait.
 */
class ProjectionTransactionIT extends EmbeddedDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    ProjectionDeadLetters deadLetters;

    @AfterEach
    void removeFault() {
        owner().execute("DROP TRIGGER IF EXISTS refuse_rouen ON case_views.case_view");
        owner().execute("DROP FUNCTION IF EXISTS refuse_rouen()");
        owner().execute("DROP TRIGGER IF EXISTS note_commit_mode ON case_views.case_view");
        owner().execute("DROP TRIGGER IF EXISTS note_commit_mode ON domain_event_entry");
        owner().execute("DROP FUNCTION IF EXISTS note_commit_mode()");
        owner().execute("DROP TABLE IF EXISTS commit_mode_seen");
    }

    @Test
    void a_failing_view_write_leaves_nothing_of_its_event_which_is_applied_when_retried_after_the_fault_is_gone() {
        owner().execute("""
                CREATE FUNCTION refuse_rouen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.prison = 'ROUEN' THEN RAISE EXCEPTION 'simulated failure of the case view'; END IF;
                    RETURN NEW;
                END $$""");
        owner().execute("CREATE TRIGGER refuse_rouen BEFORE INSERT ON case_views.case_view "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_rouen()");
        CaseApi api = CaseApi.caseworker(http, accounts);

        String caseId = CaseApi.json(api.post(
                        "/api/cases", CaseApi.newFamily().replace("\"MA_AMIENS\"", "\"ROUEN\""), java.util.Map.of()))
                .read("$.caseId");

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(caseId) == 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> historyRows(caseId) == 0 && caseRows(caseId) == 0);

        removeFault();
        deadLetters.retry("case-views");
        assertThat(deadLetters(caseId)).isZero();
        assertThat(historyRows(caseId)).isEqualTo(1);
        assertThat(caseRows(caseId)).isEqualTo(1);
    }

    @Test
    void views_commit_without_waiting_for_the_disk_while_the_event_store_waits() {
        owner().execute("CREATE TABLE commit_mode_seen (tbl TEXT NOT NULL, case_id TEXT NOT NULL, "
                + "mode TEXT NOT NULL)");
        // The triggers run as the app's role, which writes here.
        owner().execute("GRANT SELECT, INSERT ON commit_mode_seen TO PUBLIC");
        owner().execute("""
                CREATE FUNCTION note_commit_mode() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO public.commit_mode_seen
                    VALUES (TG_TABLE_NAME, to_jsonb(NEW) ->> TG_ARGV[0], current_setting('synchronous_commit'));
                    RETURN NEW;
                END $$""");
        owner().execute("CREATE TRIGGER note_commit_mode BEFORE INSERT ON case_views.case_view "
                + "FOR EACH ROW EXECUTE FUNCTION note_commit_mode('case_id')");
        owner().execute("CREATE TRIGGER note_commit_mode BEFORE INSERT ON domain_event_entry "
                + "FOR EACH ROW EXECUTE FUNCTION note_commit_mode('aggregate_identifier')");
        CaseApi api = CaseApi.caseworker(http, accounts);

        String caseId = CaseApi.json(api.post("/api/cases", CaseApi.newFamily(), java.util.Map.of()))
                .read("$.caseId");

        await().atMost(Duration.ofSeconds(30)).until(() -> caseRows(caseId) == 1);
        assertThat(jdbc.queryForList(
                        "SELECT tbl || ' ' || mode FROM commit_mode_seen WHERE case_id = ? ORDER BY tbl",
                        String.class,
                        caseId))
                .containsExactly("case_view off", "domain_event_entry on");
    }

    private long deadLetters(String caseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'case-views' "
                        + "AND sequence_identifier = ?",
                Long.class,
                caseId);
    }

    private long historyRows(String caseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM case_history_entry WHERE case_id = ?::uuid", Long.class, caseId);
    }

    private long caseRows(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM case_view WHERE case_id = ?::uuid", Long.class, caseId);
    }
}
