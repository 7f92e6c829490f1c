package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.daysAgo;
import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.erasure.RetentionPolicy;
import fr.rep.caseengine.command.erasure.RetentionProperties;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.staff.Role;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention policy, run with the configured period (five years) on cases whose facts are dated in the past:
 * it erases the people of a case closed longer ago than that, and of no other case; a second run erases nothing.
 */
class RetentionPolicyIT extends EmbeddedDatabaseTest {

    private static final int SIX_YEARS = 6 * 365;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionPolicy retention;

    @Autowired
    RetentionProperties properties;

    @Test
    void people_of_cases_closed_longer_ago_than_the_period_are_erased_once_and_no_one_else() {
        assertThat(properties.afterClosing()).isEqualTo(Period.ofYears(5));
        CaseApi caseworker = CaseApi.caseworker(http, accounts);
        DocumentContext old = openCaseReceivedDaysAgo(caseworker, SIX_YEARS + 60);
        close(caseworker, old, SIX_YEARS);
        DocumentContext reopened = openCaseReceivedDaysAgo(caseworker, SIX_YEARS + 60);
        close(caseworker, reopened, SIX_YEARS);
        ok(caseworker.post(
                "/api/cases/" + id(reopened) + "/reopening",
                "{\"occurredAt\": \"%s\"}".formatted(daysAgo(3)),
                Map.of()));
        DocumentContext recent = openCaseReceivedDaysAgo(caseworker, 400);
        close(caseworker, recent, 2);
        DocumentContext open = openCaseReceivedDaysAgo(caseworker, SIX_YEARS + 60);

        RetentionPolicy.Run first = retention.run();
        RetentionPolicy.Run second = retention.run();

        assertThat(first.erased()).containsKey(new CaseId(UUID.fromString(id(old))));
        assertThat(first.erased().get(new CaseId(UUID.fromString(id(old))))).containsExactlyElementsOf(people(old));
        assertThat(first.erased().keySet())
                .extracting(CaseId::toString)
                .doesNotContain(id(reopened), id(recent), id(open));
        assertThat(keys(people(old))).isZero();
        assertThat(keys(people(reopened))).isEqualTo(4);
        assertThat(keys(people(recent))).isEqualTo(4);
        assertThat(keys(people(open))).isEqualTo(4);

        assertThat(second.erased()).isEmpty();
        assertThat(second.peopleErased()).isZero();

        DocumentContext detail = json(caseworker.get("/api/cases/" + id(old) + "?minVersion=5"));
        assertThat(detail.read("$.adults[*].name", List.class))
                .containsOnlyNulls()
                .hasSize(2);
        assertThat(detail.read("$.children[*].name", List.class))
                .containsOnlyNulls()
                .hasSize(2);
        assertThat(detail.read("$.children[*].birthDate", List.class)).containsExactly("2017-05-02", "2020-01-15");
        assertThat(detail.read("$.stage", String.class)).isEqualTo("CLOSED");
        DocumentContext history = json(caseworker.get("/api/cases/" + id(old) + "/history"));
        assertThat(history.read("$.events[?(@.type == 'PersonalDataErased')].actor", List.class))
                .hasSize(4)
                .containsOnly(RetentionPolicy.SYSTEM_ACTOR);

        CaseApi.ensureAccount(accounts, "retention.audit", Set.of(Role.AUDITOR), null);
        DocumentContext trail = json(new CaseApi(http, "retention.audit").get("/api/erasures?caseId=" + id(old)));
        assertThat(trail.read("$.erasures[*].reason", List.class)).hasSize(4).containsOnly("RETENTION_PERIOD_ENDED");
        assertThat(trail.read("$.erasures[*].traceId", List.class)).containsOnly("retention:" + first.runId());
        assertThat(trail.read("$.retentionRuns[?(@.runId == '" + first.runId() + "')].cases[*]", List.class))
                .contains(id(old))
                .doesNotContain(id(recent), id(open), id(reopened));
        assertThat(trail.read("$.retentionRuns[?(@.runId == '" + second.runId() + "')].peopleErased", List.class))
                .containsExactly(0);
    }

    private static DocumentContext openCaseReceivedDaysAgo(CaseApi caseworker, int days) {
        String family = JsonPath.parse(CaseApi.newFamily())
                .set("$.occurredAt", daysAgo(days))
                .jsonString();
        ResponseEntity<String> opened = caseworker.post("/api/cases", family, Map.of());
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        return json(opened);
    }

    private static void close(CaseApi caseworker, DocumentContext opened, int daysAgo) {
        ok(caseworker.post(
                "/api/cases/" + id(opened) + "/closure",
                "{\"occurredAt\": \"%s\", \"reason\": \"PARENT_RELEASED\"}".formatted(daysAgo(daysAgo)),
                Map.of()));
    }

    private static void ok(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    }

    private static String id(DocumentContext opened) {
        return opened.read("$.caseId");
    }

    /** The detained parent, the mother, then the children: the order the case erases them in. */
    private static List<SubjectId> people(DocumentContext opened) {
        List<SubjectId> people = new ArrayList<>();
        people.add(SubjectId.of(opened.read("$.detainedParent")));
        people.add(SubjectId.of(opened.read("$.parties.mother")));
        List<String> children = opened.read("$.children");
        children.forEach(child -> people.add(SubjectId.of(child)));
        return people;
    }

    private int keys(List<SubjectId> subjects) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_key WHERE subject_id = ANY (?)", Integer.class, (Object)
                        subjects.stream().map(SubjectId::value).toArray(UUID[]::new));
    }
}
