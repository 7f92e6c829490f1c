package fr.rep.caseengine.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The bilan's headline figures for a year recorded through the API as caseworkers would: a family with two detained
 * parents, one of them also the parent of a second family, a parent met at snacks without a case, trips of every
 * kind with their kilometres. The year (2014) and the years before it are used by no other test of the shared store,
 * so every figure is known exactly; both families are closed within the year so that nothing carries into later ones.
 */
class BilanRecordedThroughTheApiIT extends EmbeddedDatabaseTest {

    private static final String YEAR = "2014";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Test
    void every_headline_figure_counts_people_once_and_every_trip_its_kilometres_and_the_quiet_years_are_zeros() {
        CaseApi.ensureAccount(accounts, CaseApi.CASEWORKER, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, ActivityReportIT.MANAGER, Set.of(Role.SERVICE_MANAGER), null);
        CaseApi claire = new CaseApi(http, CaseApi.CASEWORKER);
        // A snack in 2012 with a parent whose family is not followed: 2012 has activity, 2013 none.
        String metBefore =
                created(claire.post("/api/collective-actions", """
                {"occurredAt": "2012-06-05T14:00:00+02:00", "kind": "SNACK", "team": "SOMME_AISNE_OISE",
                 "prison": "MA_AMIENS", "participants": [],
                 "parentsWithoutCase": [{"firstName": "Karim", "lastName": "Benali"}]}""", Map.of())).read("$.parentsWithoutCase[0]");

        DocumentContext first = created(claire.post("/api/cases", """
                {"occurredAt": "2014-01-10T10:00:00+01:00", "referrerType": "DETAINED_PARENT", "channel": "LETTER",
                 "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS",
                 "detainedParent": {"penalStatus": "SENTENCED", "person": {"firstName": "Marc", "lastName": "Roy"}},
                 "parties": [
                   {"ref": "mother", "role": "DETAINED_PARENT", "person": {"firstName": "Lina", "lastName": "Roy"}},
                   {"ref": "grandmother", "role": "LEGAL_GUARDIAN", "person": {"firstName": "Rose", "lastName": "Roy"}}],
                 "children": [{"birthDate": "2008-04-02", "department": "80", "housing": "TRUSTED_RELATIVE",
                               "parentalAuthority": "grandmother", "person": {"firstName": "Léo", "lastName": "Roy"}}],
                 "educationalOrJudicialMeasure": false}""", Map.of()));
        String a = first.read("$.caseId");
        String marc = first.read("$.detainedParent");
        String grandmother = first.read("$.parties.grandmother");
        String leo = first.read("$.children[0]");
        DocumentContext second = created(claire.post("/api/cases", """
                {"occurredAt": "2014-02-03T10:00:00+01:00", "referrerType": "FREE_PARENT", "channel": "PHONE",
                 "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS",
                 "detainedParent": {"penalStatus": "SENTENCED", "sameAsInCase": "%s"},
                 "parties": [{"ref": "mother", "role": "FREE_PARENT", "person": {"firstName": "Inès", "lastName": "Petit"}}],
                 "children": [{"birthDate": "2011-09-12", "department": "59", "housing": "WITH_FREE_PARENT",
                               "parentalAuthority": "mother", "person": {"firstName": "Nina", "lastName": "Petit"}}],
                 "educationalOrJudicialMeasure": true}""".formatted(a), Map.of()));
        String b = second.read("$.caseId");
        assertThat(second.<String>read("$.detainedParent"))
                .as("the same parent, not a new person")
                .isEqualTo(marc);
        String nina = second.read("$.children[0]");

        done(claire.post(path(a, "acceptance"), at("2014-01-20"), Map.of()));
        done(claire.post(path(b, "acceptance"), at("2014-02-10"), Map.of()));
        done(claire.post(path(a, "interviews"), """
                {"occurredAt": "2014-01-25T10:00:00+01:00", "kind": "FIRST", "participants": ["DETAINED_PARENT"],
                 "place": "IN_DETENTION", "kilometres": 42}""", Map.of()));
        done(claire.post(path(b, "interviews"), """
                {"occurredAt": "2014-02-20T10:00:00+01:00", "kind": "FIRST", "participants": ["FREE_PARENT", "CHILDREN"],
                 "place": "AT_HOME", "kilometres": 15}""", Map.of()));
        done(claire.post(path(b, "interviews"), """
                {"occurredAt": "2014-03-20T10:00:00+01:00", "kind": "INTERMEDIATE", "participants": ["CHILDREN"],
                 "place": "BY_PHONE"}""", Map.of()));
        done(claire.post(path(a, "home-visits"), """
                {"occurredAt": "2014-02-01T10:00:00+01:00", "kilometres": 20}""", Map.of()));
        done(claire.post(path(b, "contact-steps"), """
                {"occurredAt": "2014-03-01T10:00:00+01:00", "step": "PHOTO_SENT", "children": ["%s"],
                 "mediatedBy": "VOLUNTEER", "kilometres": 9}""".formatted(nina), Map.of()));
        done(claire.post(path(a, "case-reviews"), """
                {"occurredAt": "2014-02-05T10:00:00+01:00", "plannedVisitsPerMonth": 2, "kilometres": 30}""", Map.of()));
        for (String party : List.of(marc, grandmother)) {
            done(claire.post(path(a, "consents"), """
                    {"occurredAt": "2014-02-06T10:00:00+01:00", "party": "%s"}""".formatted(party), Map.of()));
        }
        done(claire.post(path(a, "visiting-permits"), """
                {"occurredAt": "2014-02-06T10:00:00+01:00", "accompanier": "claire", "prison": "MA_AMIENS",
                 "validUntil": "2015-02-06"}""", Map.of()));
        String visit = """
                {"occurredAt": "2014-03-12T14:00:00+01:00", "children": ["%s"], "place": "PRISON_VISITING_ROOM",
                 "accompaniedBy": "PROFESSIONAL", "durationMinutes": 60%s}""";

        ResponseEntity<String> withoutKilometres = claire.post(path(a, "visits"), visit.formatted(leo, ""), Map.of());

        assertThat(withoutKilometres.getStatusCode().value())
                .as("a trip's kilometres are said, 0 if none")
                .isEqualTo(400);
        assertThat(withoutKilometres.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(CaseApi.json(withoutKilometres).<String>read("$.errors[0].field"))
                .isEqualTo("kilometres");
        done(claire.post(path(a, "visits"), visit.formatted(leo, ", \"kilometres\": 50"), Map.of()));
        created(claire.post("/api/collective-actions", """
                {"occurredAt": "2014-05-05T14:00:00+02:00", "kind": "SNACK", "team": "SOMME_AISNE_OISE",
                 "prison": "MA_AMIENS", "participants": ["%s"], "parentsWithoutCase": [{"subject": "%s"}]}""".formatted(a, metBefore), Map.of()));
        done(claire.post(path(a, "closure"), """
                {"occurredAt": "2014-12-01T10:00:00+01:00", "reason": "PARENT_RELEASED"}""", Map.of()));
        done(claire.post(path(b, "closure"), """
                {"occurredAt": "2014-12-02T10:00:00+01:00", "reason": "PARENT_RELEASED"}""", Map.of()));

        CaseApi manager = new CaseApi(http, ActivityReportIT.MANAGER);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            DocumentContext report =
                    CaseApi.json(manager.get("/api/reports/activity/" + YEAR + "?team=SOMME_AISNE_OISE"));
            assertThat(report.<Integer>read("$.figures.collectiveActions.SNACK.sessions"))
                    .isEqualTo(1);
            assertThat(report.<Integer>read("$.figures.accompaniedVisits.total"))
                    .isEqualTo(1);
        });
        DocumentContext report = CaseApi.json(manager.get("/api/reports/activity/" + YEAR + "?team=SOMME_AISNE_OISE"));
        Map<String, Object> figures = report.read("$.figures");
        assertThat(figures)
                .containsEntry("familiesSupported", 2)
                .as("Marc in two families and Lina beside him: two parents, not three")
                .containsEntry("detainedParents", 2)
                .containsEntry("children", 2)
                .containsEntry("interviews", 3)
                .as("the home visit and the interview at home with Nina; not the call")
                .containsEntry("homeVisitsOrInterviewsWithChildren", 2)
                .containsEntry("visitingRightsAccompaniments", 1)
                .containsEntry("nurseryAccompaniments", 0);
        assertThat(report.<Map<String, Object>>read("$.figures.kilometres"))
                .as("interview 42 + 15, home visit 20, " + "review 30, visit 50; the volunteer's contact step 9")
                .isEqualTo(Map.of("professionals", 157, "volunteers", 9, "total", 166));
        assertThat(report.<Map<String, Object>>read("$.figures.collectiveParents"))
                .isEqualTo(Map.of(
                        "parents",
                        2,
                        "notFollowed",
                        1,
                        "byKind",
                        Map.of("SNACK", 2, "TALKING_GROUP", 0, "CRAFT_WORKSHOP", 0)));
        assertThat(report.<Map<String, Object>>read("$.figures.collectiveActions.SNACK"))
                .isEqualTo(Map.of("sessions", 1, "participations", 2));
        assertThat(report.<List<String>>read("$.figures.prisons[*].prison")).containsExactly("MA_AMIENS");
        assertThat(report.<Map<String, Object>>read("$.figures.childrenByDepartmentGroup"))
                .as("the team's départements, then unknown, then « Autre DPT » (Nord)")
                .isEqualTo(Map.of("80", 1, "02", 0, "60", 0, "unknown", 0, "other", 1));
        assertThat(report.<List<String>>read("$.charts[*].id"))
                .containsExactly("age-bands", "request-origins", "housing", "follow-up", "departments");
        assertThat(report.<List<Integer>>read("$.comparison.years")).containsExactly(2011, 2012, 2013, 2014);
        assertThat(report.<List<Integer>>read("$.comparison.rows[?(@.section == 'Familles accompagnées')].values[*]"))
                .as("years without a family, 2013 without any activity, as zeros")
                .containsExactly(0, 0, 0, 2);
        assertThat(report.<List<Integer>>read(
                        "$.comparison.rows[?(@.section == 'Actions collectives : séances')].values[*]"))
                .containsExactly(0, 1, 0, 1);
        DocumentContext quiet = CaseApi.json(manager.get("/api/reports/activity/2013?team=SOMME_AISNE_OISE"));
        assertThat(quiet.<Integer>read("$.figures.detainedParents")).isZero();
        assertThat(quiet.<Integer>read("$.figures.collectiveParents.parents")).isZero();
    }

    private static String path(String caseId, String action) {
        return "/api/cases/" + caseId + "/" + action;
    }

    private static String at(String day) {
        return "{\"occurredAt\": \"" + day + "T10:00:00+01:00\"}";
    }

    private static DocumentContext created(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return CaseApi.json(response);
    }

    private static void done(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(201, 200);
    }
}
