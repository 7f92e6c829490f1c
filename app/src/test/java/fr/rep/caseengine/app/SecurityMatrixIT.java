package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every endpoint, called anonymously and as each role: the expected status, and no data outside the caller's scope
 * in any answer. Case A belongs to the Somme–Aisne–Oise team, case B to Pas-de-Calais; the talking group formed at
 * Amiens with case A's parent belongs to Somme–Aisne–Oise.
 */
class SecurityMatrixIT extends EmbeddedDatabaseTest {

    static final String ANONYMOUS = "(anonymous)";
    static final String CLAIRE = "claire"; // caseworker, Somme–Aisne–Oise
    static final String PAUL = "paul.pdc"; // caseworker, Pas-de-Calais
    static final String SOPHIE = "sophie.manager"; // team manager, Somme–Aisne–Oise
    static final String MARC = "marc.service"; // service manager
    static final String ALICE = "alice.audit"; // auditor
    static final String ROOT = "root.admin"; // administrator
    static final List<String> EVERYONE = List.of(ANONYMOUS, CLAIRE, PAUL, SOPHIE, MARC, ALICE, ROOT);
    static final List<Stream<String>> OPEN_STREAMS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @LocalServerPort
    int port;

    DocumentContext caseA;
    DocumentContext caseB;
    DocumentContext otherCaseOfA;
    String groupA;

    @BeforeEach
    void staffAndCases() {
        CaseApi.ensureAccount(accounts, CLAIRE, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, PAUL, Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        CaseApi.ensureAccount(accounts, SOPHIE, Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, MARC, Set.of(Role.SERVICE_MANAGER), null);
        CaseApi.ensureAccount(accounts, ALICE, Set.of(Role.AUDITOR), null);
        CaseApi.ensureAccount(accounts, ROOT, Set.of(Role.ADMINISTRATOR), null);
        caseA = new CaseApi(http, CLAIRE).openCase();
        caseB = CaseApi.json(new CaseApi(http, PAUL).post("/api/cases", pasDeCalaisFamily(), Map.of()));
        new CaseApi(http, PAUL).get("/api/cases/" + caseB.read("$.caseId") + "?minVersion=0");
        new CaseApi(http, CLAIRE).get("/api/cases/" + caseA.read("$.caseId") + "?minVersion=0");
        otherCaseOfA = new CaseApi(http, CLAIRE).openCase();
        groupA = CaseApi.json(new CaseApi(http, CLAIRE).post("/api/talking-groups", talkingGroupOf(caseA), Map.of()))
                .read("$.talkingGroupId");
    }

    @TestFactory
    Stream<DynamicTest> every_endpoint_answers_each_role_as_the_roles_table_says() {
        String a = caseA.read("$.caseId");
        String consentA = "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                .formatted(CaseApi.daysAgo(1), caseA.read("$.detainedParent"));
        String visitA = ("{\"occurredAt\": \"%s\", \"children\": [\"%s\"], \"place\": \"PRISON_VISITING_ROOM\", "
                        + "\"kilometres\": 0}")
                .formatted(CaseApi.daysAgo(1), caseA.read("$.children[0]"));
        String closureA = "{\"occurredAt\": \"%s\", \"reason\": \"PARENT_RELEASED\"}".formatted(CaseApi.daysAgo(1));
        String newAccount = "{\"username\": \"new.%s\", \"displayName\": \"New\", \"roles\": [\"AUDITOR\"]}";
        String snackA = """
                {"occurredAt": "%s", "kind": "SNACK", "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS",
                 "participants": ["%s"]}""".formatted(CaseApi.daysAgo(1), a);
        String joinGroupA = "{\"occurredAt\": \"%s\", \"caseId\": \"%s\"}"
                .formatted(CaseApi.daysAgo(1), otherCaseOfA.read("$.caseId"));
        String sessionOfGroupA = """
                {"occurredAt": "%s", "theme": "BEING_A_FATHER_IN_DETENTION", "participants": ["%s"]}""".formatted(CaseApi.daysAgo(1), a);

        List<Call> calls = new ArrayList<>(List.of(
                call(HttpMethod.GET, "/actuator/health", null, statuses(200, 200, 200, 200, 200, 200, 200)),
                call(HttpMethod.GET, "/actuator/metrics", null, statuses(401, 403, 403, 403, 403, 403, 200)),
                call(HttpMethod.GET, "/v3/api-docs", null, statuses(401, 200, 200, 200, 200, 200, 200)),
                call(HttpMethod.GET, "/api/account", null, statuses(401, 200, 200, 200, 200, 200, 200)),
                call(HttpMethod.GET, "/api/accounts", null, statuses(401, 403, 403, 403, 403, 403, 200)),
                call(HttpMethod.POST, "/api/accounts", newAccount, statuses(401, 403, 403, 403, 403, 403, 201)),
                call(
                        HttpMethod.POST,
                        "/api/accounts/" + ALICE + "/role-requests",
                        "{\"roles\": [\"AUDITOR\"]}",
                        statuses(401, 403, 403, 403, 403, 403, 409)),
                call(
                        HttpMethod.POST,
                        "/api/accounts/" + ALICE + "/role-requests",
                        "{\"roles\": [\"TEAM_MANAGER\"]}",
                        statuses(401, 403, 403, 403, 403, 403, 400)),
                call(
                        HttpMethod.POST,
                        "/api/accounts/nobody.here/password-reset",
                        null,
                        statuses(401, 403, 403, 403, 403, 403, 404)),
                call(HttpMethod.GET, "/api/one-time-passwords", null, statuses(401, 403, 403, 200, 200, 200, 200)),
                call(
                        HttpMethod.POST,
                        "/api/one-time-passwords/nobody.here",
                        null,
                        statuses(401, 403, 403, 404, 404, 404, 404)),
                call(HttpMethod.GET, "/api/cases?size=200", null, statuses(401, 200, 200, 200, 200, 200, 403)),
                call(HttpMethod.GET, "/api/cases/" + a, null, statuses(401, 200, 404, 200, 403, 200, 403)),
                call(HttpMethod.GET, "/api/cases/" + a + "/history", null, statuses(401, 200, 404, 200, 403, 200, 403)),
                call(
                        HttpMethod.GET,
                        "/api/cases/" + a + "/history.json",
                        null,
                        statuses(401, 200, 404, 200, 403, 200, 403)),
                call(
                        HttpMethod.GET,
                        "/api/cases/" + a + "/history.pdf",
                        null,
                        statuses(401, 200, 404, 200, 403, 200, 403)),
                call(
                        HttpMethod.GET,
                        "/api/cases/" + a + "/as-of?instant=" + java.time.Instant.now(),
                        null,
                        statuses(401, 200, 404, 200, 403, 200, 403)),
                call(
                        HttpMethod.GET,
                        "/api/cases/" + a + "/accesses",
                        null,
                        statuses(401, 403, 403, 403, 403, 200, 403)),
                call(HttpMethod.GET, "/api/accesses?caseId=" + a, null, statuses(401, 403, 403, 403, 403, 200, 403)),
                call(HttpMethod.POST, "/api/cases", CaseApi.newFamily(), statuses(401, 201, 403, 403, 403, 403, 403)),
                call(
                        HttpMethod.POST,
                        "/api/cases/" + a + "/visits",
                        visitA,
                        statuses(401, 409, 404, 403, 403, 403, 403)),
                call(
                        HttpMethod.POST,
                        "/api/cases/" + a + "/consent-withdrawals",
                        consentA,
                        statuses(401, 409, 404, 403, 403, 403, 403)),
                call(
                        HttpMethod.POST,
                        "/api/cases/" + a + "/consents",
                        consentA,
                        statuses(401, 200, 404, 403, 403, 403, 403)),
                call(HttpMethod.GET, "/api/break-glass-accesses", null, statuses(401, 403, 403, 403, 403, 200, 403)),
                call(
                        HttpMethod.GET,
                        "/api/event-store/verification",
                        null,
                        statuses(401, 403, 403, 403, 403, 200, 403)),
                call(
                        HttpMethod.POST,
                        "/api/cases/" + a + "/closure",
                        closureA,
                        statuses(401, 200, 404, 403, 403, 403, 403)),
                call(HttpMethod.POST, "/api/collective-actions", snackA, statuses(401, 201, 403, 403, 403, 403, 403)),
                call(
                        HttpMethod.POST,
                        "/api/talking-groups",
                        talkingGroupOf(caseA),
                        statuses(401, 201, 403, 403, 403, 403, 403)),
                call(
                        HttpMethod.POST,
                        "/api/talking-groups/" + groupA + "/members",
                        joinGroupA,
                        statuses(401, 200, 403, 403, 403, 403, 403)),
                call(
                        HttpMethod.POST,
                        "/api/talking-groups/" + groupA + "/sessions",
                        sessionOfGroupA,
                        statuses(401, 200, 403, 403, 403, 403, 403))));
        // Every other step of the lifecycle: only caseworkers get past security (their empty body is then a 400,
        // before any case is looked up, so it says nothing of the case); every other role is refused.
        for (String step : List.of(
                "acceptance",
                "decline",
                "interviews",
                "case-reviews",
                "visiting-permits",
                "visiting-permit-expiries",
                "contact-steps",
                "scheduled-visits",
                "visit-cancellations",
                "home-visits",
                "nursery-accompaniments",
                "nursery-derogations",
                "custody-changes",
                "court-decisions",
                "no-contact-orders",
                "no-contact-order-liftings",
                "children",
                "corrections",
                "reopening")) {
            calls.add(call(
                    HttpMethod.POST,
                    "/api/cases/" + a + "/" + step,
                    "{}",
                    statuses(401, 400, 400, 403, 403, 403, 403)));
        }
        calls.add(call(HttpMethod.POST, "/api/prison-suspensions", "{}", statuses(401, 403, 403, 400, 400, 403, 403)));
        calls.add(call(HttpMethod.GET, "/api/work-queue", null, statuses(401, 200, 200, 200, 403, 403, 403)));
        calls.add(call(HttpMethod.GET, "/api/work-queue/stream", null, statuses(401, 200, 200, 200, 403, 403, 403)));
        calls.add(call(HttpMethod.GET, "/api/caseload", null, statuses(401, 200, 200, 200, 200, 403, 403)));
        calls.add(call(HttpMethod.GET, "/api/caseload/stream", null, statuses(401, 200, 200, 200, 200, 403, 403)));
        calls.add(call(HttpMethod.GET, "/api/projections", null, statuses(401, 403, 403, 403, 403, 403, 200)));
        // An unknown projection, so that the administrator's call starts no rebuild under the other tests.
        calls.add(call(
                HttpMethod.POST,
                "/api/projections/no-such-view/rebuild",
                "",
                statuses(401, 403, 403, 403, 403, 403, 404)));
        // Unknown too: whether the shared context's case views were rebuilt depends on which tests ran before.
        calls.add(call(
                HttpMethod.GET,
                "/api/projections/no-such-view/rebuild",
                null,
                statuses(401, 403, 403, 403, 403, 403, 404)));
        calls.add(call(
                HttpMethod.POST,
                "/api/projections/no-such-view/dead-letters/retry",
                "",
                statuses(401, 403, 403, 403, 403, 403, 404)));
        // The activity report: counts only. A team manager gets their own team's (also when no team is asked), never
        // the other team's nor the whole service's broken down by team; caseworkers and administrators none.
        calls.add(
                call(HttpMethod.GET, "/api/reports/activity/2021", null, statuses(401, 403, 403, 200, 200, 200, 403)));
        calls.add(call(
                HttpMethod.GET,
                "/api/reports/activity/2021?team=PAS_DE_CALAIS",
                null,
                statuses(401, 403, 403, 403, 200, 200, 403)));
        calls.add(call(
                HttpMethod.GET,
                "/api/reports/activity/2021.csv?team=SOMME_AISNE_OISE",
                null,
                statuses(401, 403, 403, 200, 200, 200, 403)));
        calls.add(call(
                HttpMethod.GET, "/api/reports/activity/2021.pdf", null, statuses(401, 403, 403, 200, 200, 200, 403)));
        calls.add(call(
                HttpMethod.GET,
                "/api/reports/activity?from=2020&to=2021",
                null,
                statuses(401, 403, 403, 200, 200, 200, 403)));
        calls.add(call(HttpMethod.GET, "/api/erasures", null, statuses(401, 403, 403, 403, 403, 200, 403)));
        calls.add(call(HttpMethod.GET, "/api/account-trail", null, statuses(401, 403, 403, 403, 403, 200, 403)));
        calls.add(call(HttpMethod.GET, "/api/role-requests", null, statuses(401, 403, 403, 403, 403, 403, 200)));
        calls.add(call(
                HttpMethod.GET, "/api/personal-data/key-rotations", null, statuses(401, 403, 403, 403, 403, 200, 200)));
        calls.add(call(
                HttpMethod.POST, "/api/personal-data/key-rotations", "", statuses(401, 403, 403, 403, 403, 403, 200)));
        // Last: the administrator erases case A's mother (the others are refused before anything is looked up).
        calls.add(call(
                HttpMethod.POST,
                "/api/cases/" + a + "/erasures",
                "{\"subject\": \"%s\", \"reason\": \"REQUEST_OF_THE_PERSON\"}"
                        .formatted((String) caseA.read("$.parties.mother")),
                statuses(401, 403, 403, 403, 403, 403, 200)));

        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls) {
            for (String account : EVERYONE) {
                int expected = call.expected().get(account);
                tests.add(DynamicTest.dynamicTest(
                        call.method() + " " + call.path() + " as " + account + " -> " + expected, () -> {
                            if (call.path().endsWith("/stream")) {
                                assertThat(streamStatus(account, call.path())).isEqualTo(expected);
                                return;
                            }
                            ResponseEntity<String> response = send(
                                    account,
                                    call.method(),
                                    call.path(),
                                    call.body() == null ? null : call.body().formatted(account.replaceAll("\\W", "")));
                            assertThat(response.getStatusCode().value())
                                    .as(response.getBody())
                                    .isEqualTo(expected);
                            assertNothingOutOfScope(account, call.path(), response.getBody());
                        }));
            }
        }
        return tests.stream();
    }

    /**
     * What each account must never read: the other team's case, and names when its role sees no personal data.
     * An id the caller put in the request may be echoed back (in a problem's detail or instance): it tells them nothing.
     */
    private void assertNothingOutOfScope(String account, String path, String body) {
        if (body == null) {
            return;
        }
        String a = path.contains((String) caseA.read("$.caseId")) ? "(requested)" : caseA.read("$.caseId");
        String b = caseB.read("$.caseId");
        switch (account) {
            case CLAIRE, SOPHIE -> assertThat(body).doesNotContain(b).doesNotContain("Lefort");
            case PAUL -> assertThat(body).doesNotContain(a).doesNotContain("Dupont");
            case MARC -> assertThat(body).doesNotContain("Dupont").doesNotContain("Lefort");
            case ROOT, ANONYMOUS ->
                assertThat(body)
                        .doesNotContain(a)
                        .doesNotContain(b)
                        .doesNotContain("Dupont")
                        .doesNotContain("Lefort");
            default -> assertThat(account).isEqualTo(ALICE);
        }
    }

    /**
     * A server-sent event stream never ends: its status is read as soon as it starts. The stream is left open (the
     * app completes it when it stops): Tomcat keeps counting a stream its client dropped as an active request, which
     * would hold the app's graceful shutdown for its whole timeout.
     */
    private int streamStatus(String account, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        if (!account.equals(ANONYMOUS)) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (account + ":" + CaseApi.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        OPEN_STREAMS.add(response.body());
        return response.statusCode();
    }

    private ResponseEntity<String> send(String account, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = account.equals(ANONYMOUS) ? http : http.withBasicAuth(account, CaseApi.PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** A talking group at Amiens, formed two days ago with the detained parent of {@code family}. */
    static String talkingGroupOf(DocumentContext family) {
        return """
                {"occurredAt": "%s", "team": "SOMME_AISNE_OISE", "prison": "MA_AMIENS", "members": ["%s"]}""".formatted(CaseApi.daysAgo(2), family.read("$.caseId"));
    }

    static String pasDeCalaisFamily() {
        return CaseApi.newFamily()
                .replace("SOMME_AISNE_OISE", "PAS_DE_CALAIS")
                .replace("MA_AMIENS", "MA_ARRAS")
                .replace("Dupont", "Lefort");
    }

    private static Map<String, Integer> statuses(
            int anonymous, int claire, int paul, int sophie, int marc, int alice, int root) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<Integer> values = List.of(anonymous, claire, paul, sophie, marc, alice, root);
        for (int i = 0; i < EVERYONE.size(); i++) {
            expected.put(EVERYONE.get(i), values.get(i));
        }
        return expected;
    }

    private static Call call(HttpMethod method, String path, String body, Map<String, Integer> expected) {
        return new Call(method, path, body, expected);
    }

    record Call(HttpMethod method, String path, String body, Map<String, Integer> expected) {}
}
