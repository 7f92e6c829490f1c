package fr.rep.caseengine.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser's session lives: it ends after {@code rep.security.sessions.idle-timeout} without a request,
 * after {@code rep.security.sessions.absolute-lifetime} whatever its use, when its account is disabled and when its
 * account's password is changed (from another session: the session that changed it goes on, under a new id). Each
 * session remembers the account's session generation it signed in under; the generation lives in the account's row,
 * so a change made on one node ends the sessions held by every node.
 */
@Component
class SessionLifetime {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLifetime.class);
    static final String ATTRIBUTE = SessionLifetime.class.getName();

    /** What a signed-in session remembers of its sign-in. */
    record SignedIn(String account, int generation, Instant signedInAt, Instant lastSeen) implements Serializable {

        SignedIn seenAt(Instant now) {
            return new SignedIn(account, generation, signedInAt, now);
        }
    }

    private final AccountStore accounts;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;

    SessionLifetime(
            AccountStore accounts,
            Clock clock,
            @Value("${rep.security.sessions.idle-timeout:30m}") Duration idleTimeout,
            @Value("${rep.security.sessions.absolute-lifetime:12h}") Duration absoluteLifetime) {
        this.accounts = accounts;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteLifetime = absoluteLifetime;
    }

    /** Form and OpenID Connect sign-ins open a session; HTTP Basic ones do not, and are checked on each request. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            stamp(
                    current.getRequest().getSession(true),
                    event.getAuthentication().getName(),
                    null);
        }
    }

    /**
     * The session that changed its account's password goes on under a new id and the new generation; every other
     * session of the account ends.
     */
    void keepAfterPasswordChange(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn) {
            request.changeSessionId();
            stamp(session, signedIn.account(), signedIn.signedInAt());
        }
    }

    private void stamp(HttpSession session, String username, Instant signedInAt) {
        Instant now = clock.instant();
        int generation = accounts.find(username).map(Account::sessionGeneration).orElse(-1);
        session.setAttribute(ATTRIBUTE, new SignedIn(username, generation, signedInAt == null ? now : signedInAt, now));
        // The container forgets the session a little after our own idle check would end it anyway.
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds() + 60));
    }

    /** Why the session must end now, if it must. */
    private Optional<String> ended(SignedIn signedIn, Instant now) {
        if (Duration.between(signedIn.lastSeen(), now).compareTo(idleTimeout) >= 0) {
            return Optional.of("idle for " + idleTimeout);
        }
        if (Duration.between(signedIn.signedInAt(), now).compareTo(absoluteLifetime) >= 0) {
            return Optional.of("signed in more than " + absoluteLifetime + " ago");
        }
        Optional<Account> account = accounts.find(signedIn.account());
        if (account.isEmpty() || !account.get().enabled()) {
            return Optional.of("account disabled");
        }
        if (account.get().sessionGeneration() != signedIn.generation()) {
            return Optional.of("password changed");
        }
        return Optional.empty();
    }

    /**
     * Placed before the security context is read from the session: a session ended here reaches the rest of the
     * chain as no session at all (a page goes to the sign-in page saying the session expired, the API answers 401).
     */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn) {
                    Instant now = clock.instant();
                    Optional<String> why = ended(signedIn, now);
                    if (why.isPresent()) {
                        LOG.info(
                                "Session of account '{}' ended: {}", LoggedText.escaped(signedIn.account()), why.get());
                        session.invalidate();
                    } else {
                        session.setAttribute(ATTRIBUTE, signedIn.seenAt(now));
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
