package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** A prison suspends its visits: every scheduled visit there in the period is cancelled, on each case, with the reason. */
class PrisonSuspensionIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Test
    void suspending_visits_in_a_prison_cancels_its_scheduled_visits_in_the_period_and_only_those() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        CaseApi sophie = teamManager();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).withNano(0);

        DocumentContext first = claire.openCase();
        DocumentContext second = claire.openCase();
        String hitOne = schedule(claire, first, now.plusDays(3));
        String spared = schedule(claire, first, now.plusDays(20));
        String hitTwo = schedule(claire, second, now.plusDays(5));

        ResponseEntity<String> suspended =
                sophie.post("/api/prison-suspensions", """
                {"occurredAt": "%s", "prison": "MA_AMIENS", "from": "%s", "until": "%s",
                 "reason": "SANITARY_MEASURES"}""".formatted(now, now.plusDays(1), now.plusDays(15)), Map.of());
        assertThat(suspended.getStatusCode().value()).isEqualTo(201);

        String firstCase = first.read("$.caseId");
        String secondCase = second.read("$.caseId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(cancellations(claire, firstCase)).hasSize(1);
            assertThat(cancellations(claire, secondCase)).hasSize(1);
        });
        DocumentContext history = json(claire.get("/api/cases/" + firstCase + "/history"));
        assertThat(history.read("$.events[?(@.type == 'VisitCancelled')].summary", List.class))
                .containsExactly("Planned visit cancelled: prison wide suspension.");
        assertThat(history.read("$.events[?(@.type == 'VisitCancelled')].actor", List.class))
                .containsExactly("system:prison-suspension");
        assertThat(hitOne).isNotEqualTo(hitTwo);
        ResponseEntity<String> holdSpared = claire.post(
                "/api/cases/" + firstCase + "/visit-cancellations",
                "{\"occurredAt\": \"%s\", \"visitId\": \"%s\", \"reason\": \"CHILD_ILL\"}".formatted(now, spared),
                Map.of());
        assertThat(holdSpared.getStatusCode().value())
                .as("the visit outside the period is still scheduled")
                .isEqualTo(200);

        String lifting = suspended.getHeaders().getLocation() + "/lifting";
        assertThat(sophie.post(lifting, "{\"occurredAt\": \"%s\"}".formatted(now), Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<String> liftedTwice = sophie.post(lifting, "{\"occurredAt\": \"%s\"}".formatted(now), Map.of());
        assertThat(liftedTwice.getStatusCode().value()).isEqualTo(409);
        assertThat(json(liftedTwice).read("$.rule", String.class))
                .as("the rule's code, which pages translate")
                .isEqualTo("suspension-lifted-once");
        assertThat(json(liftedTwice).read("$.detail", String.class))
                .isEqualTo("A suspension is lifted once: this one already was");
        assertThat(claire.post("/api/prison-suspensions", "{}", Map.of())
                        .getStatusCode()
                        .value())
                .as("caseworkers do not suspend prisons")
                .isEqualTo(403);
    }

    @Test
    void a_suspension_sent_again_with_its_key_is_recorded_once_a_reused_key_is_refused_and_another_teams_prison_too() {
        CaseApi sophie = teamManager();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).withNano(0);
        String body = """
                {"occurredAt": "%s", "prison": "CP_BEAUVAIS", "from": "%s", "until": "%s", "reason": "STAFF_SHORTAGE"}""".formatted(now, now.plusDays(200), now.plusDays(201));
        Map<String, String> key = Map.of("Idempotency-Key", "suspension-" + now.toEpochSecond());

        ResponseEntity<String> first = sophie.post("/api/prison-suspensions", body, key);
        ResponseEntity<String> again = sophie.post("/api/prison-suspensions", body, key);

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getLocation())
                .as("the first answer, not a second suspension")
                .isEqualTo(first.getHeaders().getLocation());
        ResponseEntity<String> reused =
                sophie.post("/api/prison-suspensions", body.replace("STAFF_SHORTAGE", "SANITARY_MEASURES"), key);
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<String> otherTeams =
                sophie.post("/api/prison-suspensions", body.replace("CP_BEAUVAIS", "CD_BAPAUME"), Map.of());
        assertThat(otherTeams.getStatusCode().value())
                .as("Bapaume is the other team's prison")
                .isEqualTo(403);
        assertThat(json(otherTeams).read("$.rule", String.class)).isEqualTo("suspension-own-teams-prisons");
        String lifting = first.getHeaders().getLocation() + "/lifting";
        Map<String, String> liftKey = Map.of("Idempotency-Key", "lifting-" + now.toEpochSecond());
        String lift = "{\"occurredAt\": \"%s\"}".formatted(now);
        assertThat(sophie.post(lifting, lift, liftKey).getStatusCode().value()).isEqualTo(200);
        assertThat(sophie.post(lifting, lift, liftKey).getStatusCode().value())
                .as("the lifting sent again is answered as the first time, not refused as a second lifting")
                .isEqualTo(200);
    }

    @Test
    void a_visit_in_prison_dated_inside_a_suspension_is_refused_with_the_suspension_named_until_its_lifting() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        CaseApi sophie = teamManager();
        // A family whose parent is at Liancourt, a prison no other test visits; every date in the past week.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).withNano(0);
        DocumentContext opened =
                json(claire.post("/api/cases", CaseApi.newFamily().replace("MA_AMIENS", "CP_LIANCOURT"), Map.of()));
        String caseId = opened.read("$.caseId");
        for (String[] step : new String[][] {
            {"acceptance", "{\"occurredAt\": \"%s\"}".formatted(now.minusDays(7))},
            {
                "visiting-permits",
                "{\"occurredAt\": \"%s\", \"accompanier\": \"claire\", \"prison\": \"CP_LIANCOURT\", \"validUntil\": \"%s\"}"
                        .formatted(now.minusDays(7), now.toLocalDate().plusYears(1))
            },
            {
                "consents",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                        .formatted(now.minusDays(7), opened.read("$.detainedParent"))
            },
            {
                "consents",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                        .formatted(now.minusDays(7), opened.read("$.parties.mother"))
            }
        }) {
            ResponseEntity<String> answer = claire.post("/api/cases/" + caseId + "/" + step[0], step[1], Map.of());
            assertThat(answer.getStatusCode().is2xxSuccessful())
                    .as(step[0] + ": " + answer.getBody())
                    .isTrue();
        }
        OffsetDateTime from = now.minusDays(5).toLocalDate().atStartOfDay().atOffset(ZoneOffset.ofHours(1));
        ResponseEntity<String> suspended = sophie.post(
                "/api/prison-suspensions", """
                {"occurredAt": "%s", "prison": "CP_LIANCOURT", "from": "%s", "until": "%s", "reason": "STAFF_SHORTAGE"}""".formatted(now.minusDays(6), from, from.plusDays(3)), Map.of());
        assertThat(suspended.getStatusCode().value()).as(suspended.getBody()).isEqualTo(201);
        String visit = """
                {"occurredAt": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM", "kilometres": 12}""";

        ResponseEntity<String> during = claire.post(
                "/api/cases/" + caseId + "/visits",
                visit.formatted(from.plusDays(1).plusHours(14), opened.read("$.children[0]")),
                Map.of());

        assertThat(during.getStatusCode().value()).as(during.getBody()).isEqualTo(409);
        assertThat(json(during).read("$.rule", String.class)).isEqualTo("no-prison-visit-during-suspension");
        assertThat(json(during).read("$.detail", String.class))
                .isEqualTo(("No visit in prison while the prison has "
                                + "suspended all visits: Centre pénitentiaire de Liancourt suspended all visits from %s to %s "
                                + "(staff shortage)")
                        .formatted(from.toLocalDate(), from.toLocalDate().plusDays(2)));
        ResponseEntity<String> after = claire.post(
                "/api/cases/" + caseId + "/visits",
                visit.formatted(from.plusDays(3).plusHours(14), opened.read("$.children[0]")),
                Map.of());
        assertThat(after.getStatusCode().value())
                .as("the day after the suspension: " + after.getBody())
                .isEqualTo(200);
        ResponseEntity<String> scheduled = claire.post(
                "/api/cases/" + caseId + "/scheduled-visits",
                """
                {"occurredAt": "%s", "plannedFor": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM"}""".formatted(now.minusDays(6), from.plusDays(2).plusHours(10), opened.read("$.children[0]")),
                Map.of());
        assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(409);
        assertThat(json(scheduled).read("$.rule", String.class)).isEqualTo("no-prison-visit-during-suspension");

        // Lifted on its second day: a visit on the third is recorded, one on the first is still refused.
        assertThat(sophie.post(
                                suspended.getHeaders().getLocation() + "/lifting",
                                "{\"occurredAt\": \"%s\"}"
                                        .formatted(from.plusDays(1).plusHours(12)),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(claire.post(
                                "/api/cases/" + caseId + "/visits",
                                visit.formatted(from.plusHours(14), opened.read("$.children[0]")),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        ResponseEntity<String> afterLifting = claire.post(
                "/api/cases/" + caseId + "/visits",
                visit.formatted(from.plusDays(2).plusHours(14), opened.read("$.children[0]")),
                Map.of());
        assertThat(afterLifting.getStatusCode().value())
                .as(afterLifting.getBody())
                .isEqualTo(200);
    }

    /** Sophie, team manager of the team of Amiens, Laon, Liancourt and Beauvais. */
    private CaseApi teamManager() {
        CaseApi.ensureAccount(accounts, "sophie.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        return new CaseApi(http, "sophie.manager");
    }

    private static List<String> cancellations(CaseApi api, String caseId) {
        return json(api.get("/api/cases/" + caseId + "/history"))
                .read("$.events[?(@.type == 'VisitCancelled')].eventId");
    }

    private final java.util.Set<String> accepted = new java.util.HashSet<>();

    private String schedule(CaseApi api, DocumentContext opened, OffsetDateTime plannedFor) {
        String caseId = opened.read("$.caseId");
        if (accepted.add(caseId)) {
            api.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        }
        ResponseEntity<String> scheduled = api.post(
                "/api/cases/" + caseId + "/scheduled-visits",
                """
                {"occurredAt": "%s", "plannedFor": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM"}""".formatted(CaseApi.daysAgo(0), plannedFor, opened.read("$.children[0]")),
                Map.of());
        assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(201);
        return json(scheduled).read("$.visitId");
    }
}
