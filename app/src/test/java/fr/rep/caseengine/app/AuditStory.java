package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.daysAgo;
import static fr.rep.caseengine.app.CaseApi.json;

import com.jayway.jsonpath.DocumentContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A case told late, as prisons make caseworkers do: received a week ago, accepted six days ago, consents given five
 * days ago, a visit held three days ago but recorded only now, then voided by a correction.
 */
final class AuditStory {

    final String caseId;
    final String father;
    final String mother;
    final String lucas;
    final String visitEventId;
    final String correctionEventId;
    /** When the service stored the visit and the correction (server clock). */
    final Instant visitRecordedAt;

    final Instant correctionRecordedAt;

    private AuditStory(
            String caseId,
            String father,
            String mother,
            String lucas,
            String visitEventId,
            String correctionEventId,
            Instant visitRecordedAt,
            Instant correctionRecordedAt) {
        this.caseId = caseId;
        this.father = father;
        this.mother = mother;
        this.lucas = lucas;
        this.visitEventId = visitEventId;
        this.correctionEventId = correctionEventId;
        this.visitRecordedAt = visitRecordedAt;
        this.correctionRecordedAt = correctionRecordedAt;
    }

    static AuditStory told(CaseApi api) {
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        String father = opened.read("$.detainedParent");
        String mother = opened.read("$.parties.mother");
        String lucas = opened.read("$.children[0]");
        api.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        for (String party : List.of(father, mother)) {
            created(api.post(
                    "/api/cases/" + caseId + "/consents",
                    "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(daysAgo(5), party),
                    Map.of()));
        }
        created(api.post("/api/cases/" + caseId + "/visits", """
                {"occurredAt": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM", "kilometres": 0}""".formatted(daysAgo(3), lucas), Map.of()));
        DocumentContext history = json(api.get("/api/cases/" + caseId + "/history?minVersion=5"));
        String visitEventId = history.read("$.events[5].eventId");
        created(api.post("/api/cases/" + caseId + "/corrections", """
                {"occurredAt": "%s", "correctedEventId": "%s", "reason": "RECORDED_BY_MISTAKE"}""".formatted(daysAgo(0), visitEventId), Map.of()));
        history = json(api.get("/api/cases/" + caseId + "/history?minVersion=6"));
        return new AuditStory(
                caseId,
                father,
                mother,
                lucas,
                visitEventId,
                history.read("$.events[6].eventId"),
                utc(history.read("$.events[5].recordedAt")),
                utc(history.read("$.events[6].recordedAt")));
    }

    static Instant utc(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** A GET as {@code account}, with extra headers. */
    static ResponseEntity<byte[]> get(TestRestTemplate http, String account, String path, Map<String, String> headers) {
        HttpHeaders all = new HttpHeaders();
        headers.forEach(all::set);
        return http.withBasicAuth(account, CaseApi.PASSWORD)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(all), byte[].class);
    }

    private static void created(ResponseEntity<String> response) {
        if (response.getStatusCode().value() != 200) {
            throw new AssertionError("expected 200, got " + response.getStatusCode() + ": " + response.getBody());
        }
    }
}
