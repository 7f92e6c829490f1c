package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.staff.Role;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auditor's verification of the store the app writes: every event sealed, and the head to note. */
class StoreVerificationApiIT extends EmbeddedDatabaseTest {

    private static final String AUDITOR = "vera.audit";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    CaseApi auditor;

    @BeforeEach
    void anAuditor() {
        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
        auditor = new CaseApi(http, AUDITOR);
    }

    @Test
    void cases_made_through_the_api_are_sealed_and_the_store_verifies_with_a_head_that_checks_later() {
        CaseApi caseworker = CaseApi.caseworker(http, accounts);
        String caseId = caseworker.openCase().read("$.caseId");
        caseworker.openCase();

        assertThat(jdbc.queryForList("""
                SELECT c.store_position FROM event_chain c JOIN domain_event_entry e USING (global_index)
                WHERE e.aggregate_identifier = ?""", Long.class, caseId)).hasSize(1);
        ResponseEntity<String> answer = auditor.get("/api/event-store/verification");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        DocumentContext report = CaseApi.json(answer);
        assertThat(report.read("$.intact", Boolean.class)).as(answer.getBody()).isTrue();
        assertThat(report.read("$.problems", Long.class)).isZero();
        assertThat(report.read("$.events", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        long position = report.read("$.head.position", Long.class);
        String link = report.read("$.head.storeLink");

        caseworker.openCase();
        DocumentContext later = CaseApi.json(
                auditor.get("/api/event-store/verification?atPosition=" + position + "&storeLink=" + link));
        assertThat(later.read("$.intact", Boolean.class)).isTrue();
        assertThat(later.read("$.notedHead.matches", Boolean.class)).isTrue();
        assertThat(later.read("$.head.position", Long.class)).isGreaterThan(position);

        DocumentContext wrong = CaseApi.json(
                auditor.get("/api/event-store/verification?atPosition=" + position + "&storeLink=" + "ab".repeat(32)));
        assertThat(wrong.read("$.intact", Boolean.class)).isFalse();
        assertThat(wrong.read("$.firstBrokenLink.problem", String.class)).isEqualTo("NOTED_HEAD_MISMATCH");
    }

    @Test
    void a_noted_head_needs_both_its_position_and_its_link_well_formed() {
        ResponseEntity<String> positionOnly = auditor.get("/api/event-store/verification?atPosition=3");
        ResponseEntity<String> shortLink = auditor.get("/api/event-store/verification?atPosition=3&storeLink=abc");
        ResponseEntity<String> badPosition =
                auditor.get("/api/event-store/verification?atPosition=x&storeLink=" + "0".repeat(64));

        for (ResponseEntity<String> answer : java.util.List.of(positionOnly, shortLink, badPosition)) {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        }
        assertThat(positionOnly.getBody()).contains("storeLink");
        assertThat(shortLink.getBody()).contains("storeLink").contains("64 hexadecimal digits");
        assertThat(badPosition.getBody()).contains("atPosition");
    }
}
