package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.personaldata.PersonalDataReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The activity report's "M. PC" story, told through the API. Sentenced for offences against two of his daughters
 * (C1, C2), M. PC may have no contact with them; with his two other children (D, K), placed with ASE, contact is
 * rebuilt in steps: a recent photo, letters mediated by ASE, phone calls, then visits in detention mediated
 * alternately by the service and by ASE. A visit attempted with a daughter is refused, naming the order.
 */
class MonsieurPcStoryIT extends EmbeddedDatabaseTest {

    static final String CASEWORKER = "lea.bapaume";
    /** ASE's referent who accompanies visits has no account here: named once, then referred to by subject id. */
    static final String ASE_ACCOMPANIER_NAME = "Sandrine Vasseur";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataReader personalData;

    CaseApi api;
    String caseId;

    @Test
    void contact_is_rebuilt_step_by_step_with_two_children_while_the_order_protects_the_two_daughters() {
        CaseApi.ensureAccount(accounts, CASEWORKER, Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        api = new CaseApi(http, CASEWORKER);
        DocumentContext opened = json(api.post("/api/cases", """
                {"occurredAt": "2019-09-16T10:00:00+02:00", "referrerType": "DETAINED_PARENT", "channel": "LETTER",
                 "team": "PAS_DE_CALAIS", "prison": "CD_BAPAUME",
                 "detainedParent": {"penalStatus": "SENTENCED", "person": {"firstName": "P.", "lastName": "C."}},
                 "parties": [{"ref": "ase", "role": "ASE", "person": {"firstName": "Référente", "lastName": "ASE 62"}}],
                 "children": [
                   {"birthDate": "2008-03-02", "department": "62", "housing": "FOSTER_FAMILY", "parentalAuthority": "ase",
                    "person": {"firstName": "C1"}},
                   {"birthDate": "2010-06-11", "department": "62", "housing": "FOSTER_FAMILY", "parentalAuthority": "ase",
                    "person": {"firstName": "C2"}},
                   {"birthDate": "2012-01-20", "department": "62", "housing": "FOSTER_FAMILY", "parentalAuthority": "ase",
                    "person": {"firstName": "D"}},
                   {"birthDate": "2015-10-05", "department": "62", "housing": "FOSTER_FAMILY", "parentalAuthority": "ase",
                    "person": {"firstName": "K"}}],
                 "educationalOrJudicialMeasure": true}""", Map.of()));
        caseId = opened.read("$.caseId");
        String father = opened.read("$.detainedParent");
        String ase = opened.read("$.parties.ase");
        String c1 = opened.read("$.children[0]");
        String c2 = opened.read("$.children[1]");
        String d = opened.read("$.children[2]");
        String k = opened.read("$.children[3]");

        ok(
                "no-contact-orders",
                "2017-07-04T09:00:00+02:00",
                "\"court\": \"CRIMINAL_COURT\", \"children\": [\"%s\", \"%s\"]".formatted(c1, c2));
        ok(
                "court-decisions",
                "2019-03-12T09:00:00+01:00",
                "\"court\": \"CHILDREN_JUDGE\", \"rights\": \"RESERVED\", \"children\": [\"%s\", \"%s\"]"
                        .formatted(d, k));
        ok(
                "interviews",
                "2019-10-03T14:00:00+02:00",
                "\"kind\": \"FIRST\", \"participants\": [\"DETAINED_PARENT\"], \"place\": \"IN_DETENTION\"");
        ok("acceptance", "2019-10-20T10:00:00+02:00", null);
        ok(
                "court-decisions",
                "2020-02-18T09:00:00+01:00",
                "\"court\": \"CHILDREN_JUDGE\", \"rights\": \"MEDIATED_ONLY\", \"children\": [\"%s\", \"%s\"]"
                        .formatted(d, k));
        ok("consents", "2020-02-25T10:00:00+01:00", "\"party\": \"%s\"".formatted(father));
        ok("consents", "2020-03-02T10:00:00+01:00", "\"party\": \"%s\"".formatted(ase));
        ok("contact-steps", "2020-03-10T10:00:00+01:00", contact("PHOTO_SENT", d, k));
        ok("contact-steps", "2020-05-04T10:00:00+02:00", contact("MEDIATED_LETTER", d, k));
        ok("contact-steps", "2020-09-14T10:00:00+02:00", contact("MEDIATED_PHONE_CALL", d, k));
        ok(
                "visiting-permits",
                "2020-10-01T10:00:00+02:00",
                "\"accompanier\": \"%s\", \"prison\": \"CD_BAPAUME\", \"validUntil\": \"2023-09-30\""
                        .formatted(CASEWORKER));
        ResponseEntity<String> named = api.post(
                "/api/cases/" + caseId + "/visiting-permits",
                body(
                        "2020-10-05T10:00:00+02:00",
                        ("\"accompanierName\": \"%s\", \"prison\": \"CD_BAPAUME\", " + "\"validUntil\": \"2023-09-30\"")
                                .formatted(ASE_ACCOMPANIER_NAME)),
                Map.of());
        assertThat(named.getStatusCode().value()).as(named.getBody()).isEqualTo(201);
        String aseAccompanier = json(named).read("$.accompanier");
        ok("visits", "2020-11-04T14:00:00+01:00", visit(CASEWORKER, "PROFESSIONAL", d, k));
        ok("visits", "2020-12-09T14:00:00+01:00", visit(aseAccompanier, "ASE_REFERENT", d, k));
        ok("visits", "2021-01-13T14:00:00+01:00", visit(CASEWORKER, "PROFESSIONAL", d, k));

        ResponseEntity<String> withADaughter = api.post(
                "/api/cases/" + caseId + "/visits",
                body("2021-02-10T14:00:00+01:00", visit(CASEWORKER, "PROFESSIONAL", d, c2)),
                Map.of());

        assertThat(withADaughter.getStatusCode().value()).isEqualTo(409);
        assertThat(json(withADaughter).read("$.rule", String.class)).isEqualTo("no-visit-under-no-contact-order");
        assertThat(json(withADaughter).read("$.detail", String.class))
                .contains("No visit with a child covered by a no-contact order")
                .contains("the no-contact order of the criminal court dated 2017-07-04 covers child " + c2);

        DocumentContext history = json(api.get("/api/cases/" + caseId + "/history?minVersion=15"));
        List<String> story = history.read("$.events[*].summary");
        assertThat(story)
                .containsExactly(
                        "Request received by letter from the detained parent: 4 children, parent sentenced at "
                                + "Centre de détention de Bapaume, team Pas-de-Calais, with an educational or judicial measure.",
                        "No-contact order by the criminal court for 2 children: [" + c1 + ", " + c2 + "].",
                        "Decision of the children judge: visiting rights reserved for 2 children.",
                        "First interview in detention with detained parent.",
                        "Request accepted after evaluation.",
                        "Decision of the children judge: visiting rights mediated only for 2 children.",
                        "Consent recorded from the detained parent " + father + ".",
                        "Consent recorded from the ASE referent " + ase + ".",
                        "Contact step: photo sent with 2 children, mediated by the ase referent.",
                        "Contact step: mediated letter with 2 children, mediated by the ase referent.",
                        "Contact step: mediated phone call with 2 children, mediated by the ase referent.",
                        "Visiting permit issued to " + CASEWORKER
                                + " for Centre de détention de Bapaume, valid until 2023-09-30.",
                        "Visiting permit issued to person " + aseAccompanier
                                + " for Centre de détention de Bapaume, valid until 2023-09-30.",
                        "Visit mediated in the prison visiting room with 2 children, accompanied by a professional, 60 min, 44 km.",
                        "Visit mediated in the prison visiting room with 2 children, accompanied by a ase referent, 60 min, 44 km.",
                        "Visit mediated in the prison visiting room with 2 children, accompanied by a professional, 60 min, 44 km.");
        assertThat(history.read("$.events[*].actor", List.class)).containsOnly(CASEWORKER);
        DocumentContext view = json(api.get("/api/cases/" + caseId));
        assertThat(view.read("$.stage", String.class)).isEqualTo("CLOSED_SETTING");
        assertThat(view.read("$.visitCount", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                    AND convert_from(payload, 'UTF8') LIKE '%' || ? || '%'""", Integer.class, caseId, "Vasseur"))
                .as("events naming the accompanier")
                .isZero();
        assertThat(personalData.displayNames(List.of(SubjectId.of(aseAccompanier))))
                .containsValue(ASE_ACCOMPANIER_NAME);
    }

    private static String contact(String step, String... children) {
        return "\"step\": \"%s\", \"children\": [\"%s\"], \"mediatedBy\": \"ASE_REFERENT\""
                .formatted(step, String.join("\", \"", children));
    }

    private static String visit(String accompanier, String by, String... children) {
        return ("\"children\": [\"%s\"], \"place\": \"PRISON_VISITING_ROOM\", \"accompanier\": \"%s\", "
                        + "\"accompaniedBy\": \"%s\", \"durationMinutes\": 60, \"kilometres\": 44")
                .formatted(String.join("\", \"", children), accompanier, by);
    }

    private static String body(String occurredAt, String fields) {
        return "{\"occurredAt\": \"" + occurredAt + "\"" + (fields == null ? "" : ", " + fields) + "}";
    }

    private void ok(String step, String occurredAt, String fields) {
        ResponseEntity<String> answer =
                api.post("/api/cases/" + caseId + "/" + step, body(occurredAt, fields), Map.of());
        assertThat(answer.getStatusCode().value())
                .as(step + ": " + answer.getBody())
                .isEqualTo(200);
    }
}
