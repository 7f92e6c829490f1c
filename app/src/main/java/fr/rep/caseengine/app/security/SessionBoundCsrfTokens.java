package fr.rep.caseengine.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens bound to the session. The token is kept in the HTTP session, as Spring Security's
 * {@link HttpSessionCsrfTokenRepository} does, and only that copy is compared with what a request sends: a token taken
 * from another session, or a cookie value a client (or a page able to plant cookies) made up, is refused. The token
 * is also written to the {@code XSRF-TOKEN} cookie, readable by the page's scripts and by API clients, so that they
 * can send it back in {@code X-XSRF-TOKEN} as before; the cookie is a copy, never the reference.
 */
final class SessionBoundCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();

    SessionBoundCsrfTokens() {
        session.setHeaderName("X-XSRF-TOKEN");
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        session.saveToken(token, request, response);
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return session.loadToken(request);
    }
}
