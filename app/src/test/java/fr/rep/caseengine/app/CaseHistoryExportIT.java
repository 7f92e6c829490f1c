package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.DocumentContext;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.staff.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The history for auditors: why each entry was made, filters, and exports whose checksum anyone can recompute. */
class CaseHistoryExportIT extends EmbeddedDatabaseTest {

    static final String AUDITOR = "alice.audit";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    CaseApi api;
    AuditStory story;

    @BeforeEach
    void aCaseToldLate() {
        api = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
        story = AuditStory.told(api);
    }

    @Test
    void the_history_says_why_and_links_a_correction_to_the_entry_it_voids() {
        DocumentContext history = json(api.get("/api/cases/" + story.caseId + "/history"));

        assertThat(history.read("$.events[5].type", String.class)).isEqualTo("VisitMediated");
        assertThat(history.read("$.events[5].correctedBy", String.class)).isEqualTo(story.correctionEventId);
        assertThat(history.read("$.events[6].type", String.class)).isEqualTo("EntryCorrected");
        assertThat(history.read("$.events[6].reason", String.class)).isEqualTo("RECORDED_BY_MISTAKE");
        assertThat(history.read("$.events[6].corrects", String.class)).isEqualTo(story.visitEventId);
        assertThat(history.read("$.events[6].summary", String.class))
                .isEqualTo("Entry " + story.visitEventId + " corrected: recorded by mistake.");
        assertThat(history.read("$.events[0].reason", String.class)).isNull();
    }

    @Test
    void the_history_filters_by_period_on_either_time_and_by_kind() {
        String path = "/api/cases/" + story.caseId + "/history";
        // Only the visit happened between four and two days ago, though it was recorded today.
        DocumentContext occurred =
                json(api.get(path + "?time=OCCURRED&from=" + story.visitRecordedAt.minusSeconds(4 * 86_400) + "&to="
                        + story.visitRecordedAt.minusSeconds(2 * 86_400)));
        assertThat(occurred.read("$.events[*].type", List.class)).containsExactly("VisitMediated");
        // Recorded from the visit on: the visit and its correction.
        DocumentContext recorded = json(api.get(path + "?time=RECORDED&from=" + story.visitRecordedAt));
        assertThat(recorded.read("$.events[*].type", List.class)).containsExactly("VisitMediated", "EntryCorrected");
        DocumentContext kinds = json(api.get(path + "?kind=ConsentRecorded&kind=RequestAccepted"));
        assertThat(kinds.read("$.events[*].type", List.class))
                .containsExactly("RequestAccepted", "ConsentRecorded", "ConsentRecorded");
        DocumentContext none = json(api.get(path + "?kind=CaseReopened"));
        assertThat(none.read("$.events", List.class)).isEmpty();
    }

    @Test
    void a_wrong_filter_is_a_problem_naming_the_parameter() {
        ResponseEntity<String> kind = api.get("/api/cases/" + story.caseId + "/history?kind=VisitPlanned");
        assertThat(kind.getStatusCode().value()).isEqualTo(400);
        assertThat(kind.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(kind).read("$.errors[0].field", String.class)).isEqualTo("kind");
        ResponseEntity<String> period = api.get("/api/cases/" + story.caseId + "/history?from="
                + story.correctionRecordedAt + "&to=" + story.visitRecordedAt);
        assertThat(period.getStatusCode().value()).isEqualTo(400);
        assertThat(json(period).read("$.errors[0].field", String.class)).isEqualTo("to");
        ResponseEntity<String> time = api.get("/api/cases/" + story.caseId + "/history?time=LATER");
        assertThat(time.getStatusCode().value()).isEqualTo(400);
        assertThat(json(time).read("$.errors[0].field", String.class)).isEqualTo("time");
    }

    @Test
    void the_json_export_carries_the_sha256_of_its_events_array_as_written() throws Exception {
        ResponseEntity<byte[]> export = AuditStory.get(
                http,
                AUDITOR,
                "/api/cases/" + story.caseId + "/history.json?kind=VisitMediated&kind=EntryCorrected",
                Map.of());

        assertThat(export.getStatusCode().value()).isEqualTo(200);
        String body = new String(export.getBody(), StandardCharsets.UTF_8);
        JsonNode document = new ObjectMapper().readTree(body);
        byte[] events = new ObjectMapper().writeValueAsBytes(document.get("events"));
        String checksum = sha256(events);
        assertThat(body).contains("\"events\":" + new String(events, StandardCharsets.UTF_8));
        assertThat(document.at("/checksum/value").asText()).isEqualTo(checksum);
        assertThat(document.at("/checksum/algorithm").asText()).isEqualTo("SHA-256");
        assertThat(export.getHeaders().getFirst("X-Events-SHA256")).isEqualTo(checksum);
        assertThat(document.at("/exportedBy").asText()).isEqualTo(AUDITOR);
        assertThat(document.get("events")).hasSize(2);
        assertThat(document.at("/events/1/corrects").asText()).isEqualTo(story.visitEventId);
        assertThat(export.getHeaders().getFirst("Repr-Digest"))
                .isEqualTo("sha-256=:" + java.util.Base64.getEncoder().encodeToString(digest(export.getBody())) + ":");
    }

    @Test
    void the_pdf_export_prints_the_checksum_of_the_same_entries_in_french() throws Exception {
        String filters = "?time=RECORDED&from=" + story.visitRecordedAt;
        ResponseEntity<byte[]> json =
                AuditStory.get(http, AUDITOR, "/api/cases/" + story.caseId + "/history.json" + filters, Map.of());
        ResponseEntity<byte[]> pdf =
                AuditStory.get(http, AUDITOR, "/api/cases/" + story.caseId + "/history.pdf" + filters, Map.of());

        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        String checksum = json.getHeaders().getFirst("X-Events-SHA256");
        assertThat(pdf.getHeaders().getFirst("X-Events-SHA256")).isEqualTo(checksum);
        PdfReader reader = new PdfReader(pdf.getBody());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text)
                .contains("Historique du dossier " + story.caseId)
                .contains("Empreinte SHA-256 des événements : " + checksum)
                .contains("Enregistré le")
                .contains("VisitMediated")
                .contains("EntryCorrected")
                .contains("RECORDED_BY_MISTAKE")
                .doesNotContain("ConsentRecorded");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(digest(bytes));
    }

    private static byte[] digest(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
