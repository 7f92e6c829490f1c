package fr.rep.caseengine.app;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The case API as a signed-in client sees it: JSON in, status, headers and JSON out. */
public class CaseApi {

    /** A caseworker of the Somme–Aisne–Oise team, the team of {@link #newFamily()}. */
    public static final String CASEWORKER = "claire";

    public static final String PASSWORD = "a-test-password";

    private final TestRestTemplate http;
    /** The session each request carries, or null when each signs in with HTTP Basic. */
    private final SignedIn session;

    /** Signed in as {@code account}, with the tests' password, on each request (HTTP Basic). */
    public CaseApi(TestRestTemplate anonymous, String account) {
        this.http = anonymous.withBasicAuth(account, PASSWORD);
        this.session = null;
    }

    private CaseApi(TestRestTemplate anonymous, SignedIn session) {
        this.http = anonymous;
        this.session = session;
    }

    /** Signed in once as {@code account} with the form, then in its session: for a test of many requests. */
    public static CaseApi inSession(TestRestTemplate anonymous, String account) {
        return new CaseApi(anonymous, SignedIn.as(anonymous, account));
    }

    /** Signed in as the caseworker {@value #CASEWORKER}, creating the account when it does not exist yet. */
    public static CaseApi caseworker(TestRestTemplate anonymous, AccountStore accounts) {
        ensureAccount(accounts, CASEWORKER, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        return new CaseApi(anonymous, CASEWORKER);
    }

    public static void ensureAccount(AccountStore accounts, String username, Set<Role> roles, Team team) {
        if (!accounts.exists(username)) {
            accounts.create(username, username, PASSWORD, roles, team);
        }
    }

    /** A family with a detained father, a free mother and two children; the request received a week ago. */
    public static String newFamily() {
        return """
                {
                  "occurredAt": "%s",
                  "referrerType": "FREE_PARENT",
                  "channel": "PHONE",
                  "team": "SOMME_AISNE_OISE",
                  "prison": "MA_AMIENS",
                  "detainedParent": {"penalStatus": "SENTENCED", "person": {"firstName": "Marc", "lastName": "Dupont"}},
                  "parties": [{"ref": "mother", "role": "FREE_PARENT",
                               "person": {"firstName": "Anne", "lastName": "Dupont", "phone": "06 12 34 56 78"}}],
                  "children": [
                    {"birthDate": "2017-05-02", "department": "80", "housing": "WITH_FREE_PARENT",
                     "parentalAuthority": "mother", "person": {"firstName": "Lucas", "lastName": "Dupont"}},
                    {"birthDate": "2020-01-15", "department": "80", "housing": "WITH_FREE_PARENT",
                     "parentalAuthority": "mother", "person": {"firstName": "Emma", "lastName": "Dupont"}}
                  ],
                  "educationalOrJudicialMeasure": true
                }""".formatted(daysAgo(7));
    }

    public static String daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(1))
                .minusDays(days)
                .withNano(0)
                .toString();
    }

    /** Opens a case and returns the answer's body. */
    public DocumentContext openCase() {
        ResponseEntity<String> response = post("/api/cases", newFamily(), Map.of());
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("opening a case answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return JsonPath.parse(response.getBody());
    }

    /**
     * Accepts the request after evaluation and records a visiting permit for this client's account at the family's
     * prison (Maison d'arrêt d'Amiens), so that visits can follow; returns the case version after both.
     */
    public long acceptWithPermit(String caseId, String accompanier) {
        assertCreatedOrDone(post(
                "/api/cases/" + caseId + "/acceptance", "{\"occurredAt\": \"%s\"}".formatted(daysAgo(6)), Map.of()));
        ResponseEntity<String> permit = post(
                "/api/cases/" + caseId + "/visiting-permits",
                """
                {"occurredAt": "%s", "accompanier": "%s", "prison": "MA_AMIENS", "validUntil": "%s"}""".formatted(daysAgo(6), accompanier, java.time.LocalDate.now().plusYears(1)),
                Map.of());
        assertCreatedOrDone(permit);
        return Long.parseLong(permit.getHeaders().getETag().replace("\"", ""));
    }

    private static void assertCreatedOrDone(ResponseEntity<String> response) {
        if (response.getStatusCode().value() != 200) {
            throw new AssertionError("expected 200, got " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    public ResponseEntity<String> post(String path, String json, Map<String, String> headers) {
        HttpHeaders all = new HttpHeaders();
        all.setContentType(MediaType.APPLICATION_JSON);
        headers.forEach(all::set);
        if (session != null) {
            session.addTo(all);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, all), String.class);
    }

    public ResponseEntity<String> get(String path) {
        if (session == null) {
            return http.getForEntity(path, String.class);
        }
        HttpHeaders headers = new HttpHeaders();
        session.addTo(headers);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    public static DocumentContext json(ResponseEntity<String> response) {
        return JsonPath.parse(response.getBody());
    }
}
