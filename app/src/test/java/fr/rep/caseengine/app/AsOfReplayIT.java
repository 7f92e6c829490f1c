package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The case as it stood at an instant, replayed from its events through the API, with a visit recorded late. */
class AsOfReplayIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    CaseApi api;
    AuditStory story;

    @BeforeEach
    void aCaseToldLate() {
        api = CaseApi.caseworker(http, accounts);
        story = AuditStory.told(api);
    }

    @Test
    void by_recorded_time_the_case_is_what_the_service_knew_then() {
        DocumentContext beforeTheVisitWasRecorded = asOf(story.visitRecordedAt.minusMillis(1), "RECORDED");
        assertThat(beforeTheVisitWasRecorded.read("$.stage", String.class)).isEqualTo("SETTING_UP");
        assertThat(beforeTheVisitWasRecorded.read("$.visits.held", Integer.class))
                .isZero();
        assertThat(beforeTheVisitWasRecorded.read("$.eventsApplied", Integer.class))
                .isEqualTo(5);
        assertThat(beforeTheVisitWasRecorded.read("$.parties[*].consent", List.class))
                .containsExactly("GIVEN", "GIVEN");
        assertThat(beforeTheVisitWasRecorded.read("$.permits[0].inForce", Boolean.class))
                .isTrue();

        DocumentContext atTheVisit = asOf(story.visitRecordedAt, "RECORDED");
        assertThat(atTheVisit.read("$.eventsApplied", Integer.class))
                .as("the entry recorded at the instant counts")
                .isEqualTo(6);
        DocumentContext beforeTheCorrection = asOf(story.correctionRecordedAt.minusNanos(1_000), "RECORDED");
        assertThat(beforeTheCorrection.read("$.stage", String.class)).isEqualTo("CLOSED_SETTING");
        assertThat(beforeTheCorrection.read("$.visits.held", Integer.class)).isEqualTo(1);
        assertThat(beforeTheCorrection.read("$.voidedEntries", List.class)).isEmpty();
    }

    @Test
    void by_occurred_time_a_fact_reported_late_counts_from_when_it_happened() {
        // Two days ago the visit had not been recorded yet, but it had happened.
        Instant twoDaysBeforeItWasRecorded = story.visitRecordedAt.minus(Duration.ofDays(2));
        DocumentContext occurred = asOf(twoDaysBeforeItWasRecorded, "OCCURRED");
        assertThat(occurred.read("$.stage", String.class)).isEqualTo("CLOSED_SETTING");
        assertThat(occurred.read("$.visits.held", Integer.class)).isEqualTo(1);
        DocumentContext recorded = asOf(twoDaysBeforeItWasRecorded, "RECORDED");
        assertThat(recorded.read("$.received", Boolean.class)).isFalse();

        DocumentContext beforeTheConsents =
                asOf(story.visitRecordedAt.minus(Duration.ofDays(5)).minusSeconds(60), "OCCURRED");
        assertThat(beforeTheConsents.read("$.stage", String.class)).isEqualTo("SETTING_UP");
        assertThat(beforeTheConsents.read("$.parties[*].consent", List.class)).containsOnly("NONE");
        assertThat(beforeTheConsents.read("$.team", String.class)).isEqualTo(Team.SOMME_AISNE_OISE.name());
        assertThat(beforeTheConsents.read("$.children", List.class)).hasSize(2);

        DocumentContext beforeTheRequest = asOf(story.visitRecordedAt.minus(Duration.ofDays(8)), "OCCURRED");
        assertThat(beforeTheRequest.read("$.received", Boolean.class)).isFalse();
        assertThat(beforeTheRequest.read("$.eventsApplied", Integer.class)).isZero();
    }

    @Test
    void a_correction_within_the_instant_voids_the_entry_it_names_and_the_stage_agrees_with_the_live_case() {
        DocumentContext now = asOf(Instant.now().plusSeconds(1), "RECORDED");

        assertThat(now.read("$.visits.held", Integer.class)).isZero();
        assertThat(now.read("$.voidedEntries[0].eventId", String.class)).isEqualTo(story.visitEventId);
        assertThat(now.read("$.voidedEntries[0].type", String.class)).isEqualTo("VisitMediated");
        assertThat(now.read("$.voidedEntries[0].correctedBy", String.class)).isEqualTo(story.correctionEventId);
        assertThat(now.read("$.voidedEntries[0].reason", String.class)).isEqualTo("RECORDED_BY_MISTAKE");
        assertThat(now.read("$.lastSequence", Long.class)).isEqualTo(6L);
        DocumentContext detail = json(api.get("/api/cases/" + story.caseId + "?minVersion=6"));
        assertThat(now.read("$.stage", String.class)).isEqualTo(detail.read("$.stage", String.class));
    }

    @Test
    void the_replay_has_the_scope_of_the_case_detail() {
        CaseApi.ensureAccount(accounts, "paul.pdc", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        ResponseEntity<String> outOfScope =
                new CaseApi(http, "paul.pdc").get("/api/cases/" + story.caseId + "/as-of?instant=" + Instant.now());
        assertThat(outOfScope.getStatusCode().value()).isEqualTo(404);
        assertThat(outOfScope.getBody()).doesNotContain("SETTING_UP");

        ResponseEntity<String> noInstant = api.get("/api/cases/" + story.caseId + "/as-of");
        assertThat(noInstant.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> badBy =
                api.get("/api/cases/" + story.caseId + "/as-of?instant=" + Instant.now() + "&by=WHENEVER");
        assertThat(badBy.getStatusCode().value()).isEqualTo(400);
        assertThat(json(badBy).read("$.errors[0].field", String.class)).isEqualTo("by");
    }

    private DocumentContext asOf(Instant instant, String by) {
        ResponseEntity<String> answer =
                api.get("/api/cases/" + story.caseId + "/as-of?instant=" + instant + "&by=" + by);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json(answer);
    }
}
