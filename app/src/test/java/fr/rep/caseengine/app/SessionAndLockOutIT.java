package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.staff.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Sessions end with their account's password and its disabling, after an idle time and after an absolute lifetime
 * (short ones here); a failed sign-in answers the same, at the same cost, whatever the reason, and a lock-out holds
 * for one source address only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"rep.security.sessions.idle-timeout=3s", "rep.security.sessions.absolute-lifetime=8s"})
class SessionAndLockOutIT {

    /** Its short sessions and spied encoder make a context of its own: a database of its own too. */
    private static final Path DATA = EmbeddedDatabaseTest.temporaryDirectory();

    @DynamicPropertySource
    static void isolatedData(DynamicPropertyRegistry registry) {
        EmbeddedDatabaseTest.isolatedData(registry, DATA);
    }

    private static final String NEW_PASSWORD = "a-new-password-123";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @MockitoSpyBean
    PasswordEncoder passwords;

    @LocalServerPort
    int port;

    @Test
    void a_password_change_ends_the_accounts_other_sessions_and_the_changing_one_goes_on() {
        CaseApi.ensureAccount(accounts, "session.changer", Set.of(Role.AUDITOR), null);
        Session other = signIn("session.changer", CaseApi.PASSWORD);
        Session changing = signIn("session.changer", CaseApi.PASSWORD);
        assertThat(status(other)).isEqualTo(200);

        ResponseEntity<String> changed = http.exchange(
                "/api/account/password",
                HttpMethod.POST,
                new HttpEntity<>(
                        "{\"currentPassword\": \"" + CaseApi.PASSWORD + "\", \"newPassword\": \"" + NEW_PASSWORD
                                + "\"}",
                        changing.headers()),
                String.class);
        assertThat(changed.getStatusCode().value()).isEqualTo(204);
        Session renewed = changing.renewedBy(changed);

        assertThat(status(other)).isEqualTo(401);
        assertThat(status(renewed)).isEqualTo(200);
        assertThat(status(signIn("session.changer", NEW_PASSWORD))).isEqualTo(200);
    }

    @Test
    void disabling_an_account_ends_all_its_sessions_at_once() {
        CaseApi.ensureAccount(accounts, "session.admin", Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, "session.leaver", Set.of(Role.AUDITOR), null);
        Session first = signIn("session.leaver", CaseApi.PASSWORD);
        Session second = signIn("session.leaver", CaseApi.PASSWORD);
        assertThat(status(first)).isEqualTo(200);
        assertThat(status(second)).isEqualTo(200);

        assertThat(http.withBasicAuth("session.admin", CaseApi.PASSWORD)
                        .postForEntity("/api/accounts/session.leaver/disable", null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);

        assertThat(status(first)).isEqualTo(401);
        assertThat(status(second)).isEqualTo(401);
    }

    @Test
    void a_session_left_idle_ends_after_the_idle_timeout() {
        CaseApi.ensureAccount(accounts, "session.idle", Set.of(Role.AUDITOR), null);
        Session session = signIn("session.idle", CaseApi.PASSWORD);
        assertThat(status(session)).isEqualTo(200);

        // Polled every 4 s (longer than the 3 s idle timeout): every poll finds the session idle.
        await().pollDelay(Duration.ofSeconds(4))
                .pollInterval(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(20))
                .until(() -> status(session) == 401);
    }

    @Test
    void a_session_in_constant_use_still_ends_after_the_absolute_lifetime() {
        CaseApi.ensureAccount(accounts, "session.busy", Set.of(Role.AUDITOR), null);
        Instant signedIn = Instant.now();
        Session session = signIn("session.busy", CaseApi.PASSWORD);

        // Used every half second, well within the idle timeout: only the 8 s lifetime can end it.
        await().pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(30))
                .until(() -> status(session) == 401);
        assertThat(Duration.between(signedIn, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void unknown_account_wrong_password_and_locked_out_answer_alike_and_all_check_a_password() {
        CaseApi.ensureAccount(accounts, "lock.target", Set.of(Role.AUDITOR), null);

        clearInvocations(passwords);
        ResponseEntity<String> unknown =
                http.withBasicAuth("no.such.account", "whatever-password").getForEntity("/api/account", String.class);
        verify(passwords, times(1)).matches(any(), any());

        ResponseEntity<String> wrong = null;
        for (int i = 0; i < 6; i++) {
            clearInvocations(passwords);
            wrong = http.withBasicAuth("lock.target", "whatever-password").getForEntity("/api/account", String.class);
            verify(passwords, times(1)).matches(any(), any());
        }

        // Six failures in a row from this address: locked for 8 s, the right password included.
        clearInvocations(passwords);
        ResponseEntity<String> locked =
                http.withBasicAuth("lock.target", CaseApi.PASSWORD).getForEntity("/api/account", String.class);
        verify(passwords, times(1)).matches(any(), any());

        assertThat(List.of(
                        unknown.getStatusCode().value(),
                        wrong.getStatusCode().value(),
                        locked.getStatusCode().value()))
                .containsOnly(401);
        assertThat(wrong.getBody()).isEqualTo(unknown.getBody());
        assertThat(locked.getBody()).isEqualTo(unknown.getBody());
        assertThat(locked.getHeaders().getFirst("WWW-Authenticate"))
                .isEqualTo(unknown.getHeaders().getFirst("WWW-Authenticate"));
    }

    @Test
    void a_lock_out_from_one_address_does_not_lock_the_account_out_from_another() {
        CaseApi.ensureAccount(accounts, "lock.admin", Set.of(Role.ADMINISTRATOR), null);
        TestRestTemplate fromIpv4 = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
        TestRestTemplate fromIpv6 = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://[::1]:" + port));
        for (int i = 0; i < 6; i++) {
            fromIpv4.withBasicAuth("lock.admin", "a-stranger-guessing").getForEntity("/api/account", String.class);
        }
        assertThat(fromIpv4.withBasicAuth("lock.admin", CaseApi.PASSWORD)
                        .getForEntity("/api/account", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        assertThat(fromIpv6.withBasicAuth("lock.admin", CaseApi.PASSWORD)
                        .getForEntity("/api/account", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    /** A browser's session: its cookie and the CSRF token it was given. */
    private record Session(String cookie, String xsrf) {

        HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.add(HttpHeaders.COOKIE, cookie + "; XSRF-TOKEN=" + xsrf);
            headers.add("X-XSRF-TOKEN", xsrf);
            return headers;
        }

        Session renewedBy(ResponseEntity<?> response) {
            List<String> cookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
            return cookies.stream()
                    .filter(value -> value.startsWith("JSESSIONID="))
                    .findFirst()
                    .map(value -> new Session(value.substring(0, value.indexOf(';')), xsrf))
                    .orElse(this);
        }
    }

    private int status(Session session) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookie());
        return http.exchange("/api/account", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode()
                .value();
    }

    /**
     * Signs in with the form as a browser does: the sign-in page's session and token, then the session signed in and
     * the token it was given (signing in replaces it).
     */
    private Session signIn(String username, String password) {
        ResponseEntity<String> loginPage = http.getForEntity("/login", String.class);
        String pageToken =
                loginPage.getBody().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        String pageSession = lastCookie(loginPage, "JSESSIONID");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", pageToken);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + pageSession);
        TestRestTemplate noRedirects = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri())
                .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
        ResponseEntity<String> signedIn =
                noRedirects.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
        String session = lastCookie(signedIn, "JSESSIONID");
        String token = lastCookie(signedIn, "XSRF-TOKEN");
        return new Session(
                "JSESSIONID=" + (session == null ? pageSession : session), token == null ? pageToken : token);
    }

    /** The last non-empty value an answer gives a cookie (it may clear it first, then set it anew), or null. */
    private static String lastCookie(ResponseEntity<String> response, String name) {
        List<String> values = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(value -> value.split(";", 2)[0])
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .filter(value -> !value.isEmpty())
                .toList();
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
