package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Sign-in as a browser and as an API client: throttled failures, cookies, CSRF and security headers. */
@ExtendWith(OutputCaptureExtension.class)
class SignInIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Test
    void repeated_failed_sign_ins_lock_the_account_for_a_while_and_are_logged(CapturedOutput output) {
        CaseApi.ensureAccount(accounts, "target.user", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        TestRestTemplate wrong = http.withBasicAuth("target.user", "not-the-password");
        String wrongAnswer = null;
        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> refused = wrong.getForEntity("/api/account", String.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(401);
            wrongAnswer = refused.getBody();
        }

        ResponseEntity<String> rightButLocked =
                http.withBasicAuth("target.user", CaseApi.PASSWORD).getForEntity("/api/account", String.class);

        assertThat(rightButLocked.getStatusCode().value()).isEqualTo(401);
        // The lock is not told: the right password while locked answers as a wrong one (docs/security.md).
        assertThat(rightButLocked.getBody()).isEqualTo(wrongAnswer);
        assertThat(output.getOut())
                .contains("Failed sign-in for account 'target.user' from 127.0.0.1")
                .contains("(3 in a row)")
                .contains("locked out from this address");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.withBasicAuth("target.user", CaseApi.PASSWORD)
                                .getForEntity("/api/account", String.class)
                                .getStatusCode()
                                .value()
                        == 200);
    }

    @Test
    void an_account_name_typed_with_a_line_break_cannot_forge_a_log_line(CapturedOutput output) {
        // No colon: HTTP Basic would end the account name there.
        String forged = "nobody\r\n2026-12-03T10.00.00Z  INFO Account 'admin' changed its password";

        assertThat(http.withBasicAuth(forged, "whatever")
                        .getForEntity("/api/account", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        assertThat(output.getOut())
                .contains("Failed sign-in for account 'nobody\\r\\n2026-12-03T10.00.00Z  INFO")
                .doesNotContain("\n2026-12-03T10.00.00Z  INFO Account 'admin'");
    }

    @Test
    void a_browser_signs_in_with_the_form_gets_a_secure_http_only_session_and_needs_the_csrf_token() {
        CaseApi.ensureAccount(accounts, "browser.user", Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        ResponseEntity<String> loginPage = http.getForEntity("/login", String.class);
        String xsrf = cookie(loginPage, "XSRF-TOKEN");
        String csrfInPage =
                loginPage.getBody().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "browser.user");
        form.add("password", CaseApi.PASSWORD);
        form.add("_csrf", csrfInPage);
        HttpHeaders formHeaders = new HttpHeaders();
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        formHeaders.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + "; " + sessionCookie(loginPage));

        TestRestTemplate noRedirects = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
        ResponseEntity<String> signedIn =
                noRedirects.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, formHeaders), String.class);

        assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
        String setCookie = signedIn.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Strict");
        String session = setCookie.substring(0, setCookie.indexOf(';'));

        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        withSession.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/account", HttpMethod.GET, new HttpEntity<>(withSession), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<String> withoutToken = http.exchange(
                "/api/cases", HttpMethod.POST, new HttpEntity<>(CaseApi.newFamily(), withSession), String.class);
        assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
        assertThat(withoutToken.getBody()).contains("CSRF");

        // Signing in replaced the token the sign-in page gave: the session's own is in the sign-in's answer.
        assertThat(post("/api/cases", CaseApi.newFamily(), session, xsrf)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        String token = lastCookie(signedIn, "XSRF-TOKEN");
        assertThat(token).isNotEqualTo(xsrf);
        assertThat(post("/api/cases", CaseApi.newFamily(), session, token)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void a_csrf_token_of_one_session_is_refused_in_another_even_sent_as_cookie_and_header() {
        CaseApi.ensureAccount(accounts, "csrf.victim", Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "csrf.attacker", Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
        String[] victim = signIn("csrf.victim");
        String[] attacker = signIn("csrf.attacker");
        String wrongPassword = "{\"currentPassword\": \"not-it\", \"newPassword\": \"a-new-long-password\"}";

        // The attacker's own, valid token, planted as the victim's XSRF-TOKEN cookie and sent in the header:
        // a double-submit check compares the two and lets it through; the token is the session's, so it is refused.
        ResponseEntity<String> forged = post("/api/account/password", wrongPassword, victim[0], attacker[1]);

        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody()).contains("urn:rep:problem:csrf");
        assertThat(post("/api/account/password", wrongPassword, victim[0], victim[1])
                        .getStatusCode()
                        .value())
                .as("the victim's own token passes the CSRF check (then the password is wrong)")
                .isEqualTo(400);
    }

    /** Signs in with the form as a browser does; returns the session cookie and the session's CSRF token. */
    private String[] signIn(String username) {
        SignedIn session = SignedIn.as(http, username);
        return new String[] {session.cookie(), session.token()};
    }

    private ResponseEntity<String> post(String path, String json, String session, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + token);
        headers.add("X-XSRF-TOKEN", token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    /** The value a cookie is left with after an answer that may first clear it, then set it anew. */
    private static String lastCookie(ResponseEntity<String> response, String name) {
        List<String> values = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(value -> value.startsWith(name + "="))
                .map(value -> value.substring(name.length() + 1, value.indexOf(';')))
                .toList();
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    @Test
    void answers_carry_the_security_headers() {
        HttpHeaders headers =
                http.getForEntity("/actuator/health", String.class).getHeaders();

        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    }

    private static String cookie(ResponseEntity<String> response, String name) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        return cookies.stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst()
                .map(value -> value.substring(name.length() + 1, value.indexOf(';')))
                .orElseThrow();
    }

    private static String sessionCookie(ResponseEntity<String> response) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        return cookies.stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .map(value -> value.substring(0, value.indexOf(';')))
                .orElse("");
    }
}
