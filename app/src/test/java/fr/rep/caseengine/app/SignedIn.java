package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A signed-in session: its cookie, and the CSRF token bound to it. */
public record SignedIn(String cookie, String token) {

    /**
     * Signs in with the form once (a password hash per request would make a test of many requests minutes long), as
     * a browser does: the sign-in page's session and token, then the signed-in session and the token it was given.
     */
    public static SignedIn as(TestRestTemplate http, String account) {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        String token = page.getBody().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", account);
        form.add("password", CaseApi.PASSWORD);
        form.add("_csrf", token);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + lastCookie(page, "JSESSIONID"));
        ResponseEntity<String> signedIn = new TestRestTemplate(new RestTemplateBuilder()
                        .rootUri(http.getRootUri())
                        .redirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW))
                .exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(signedIn.getStatusCode().value())
                .as("%s signs in: %s", account, signedIn.getHeaders())
                .isEqualTo(302);
        return new SignedIn("JSESSIONID=" + lastCookie(signedIn, "JSESSIONID"), lastCookie(signedIn, "XSRF-TOKEN"));
    }

    /** The headers a request of this session carries: the cookies, and the CSRF token again as a header. */
    public void addTo(HttpHeaders headers) {
        headers.add(HttpHeaders.COOKIE, cookie + "; XSRF-TOKEN=" + token);
        headers.add("X-XSRF-TOKEN", token);
    }

    private static String lastCookie(ResponseEntity<String> response, String name) {
        List<String> values = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(value -> value.split(";", 2)[0])
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .filter(value -> !value.isEmpty())
                .toList();
        assertThat(values).as("cookie " + name).isNotEmpty();
        return values.get(values.size() - 1);
    }
}
