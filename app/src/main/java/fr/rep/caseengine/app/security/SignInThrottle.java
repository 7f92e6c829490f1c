package fr.rep.caseengine.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs every failed sign-in with the address it came from, and slows repeated failures down: from the third in a row
 * the account is locked for 1 s, then 2, 4... up to 15 minutes. A locked account is refused before its password is
 * even checked. A successful sign-in resets the count.
 */
@Component
class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    private final AccountStore accounts;

    SignInThrottle(AccountStore accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        int inARow = event instanceof AuthenticationFailureBadCredentialsEvent
                ? accounts.recordFailedSignIn(attempt.getName())
                : 0;
        LOG.warn("Failed sign-in for account '{}' from {}: {}{}", LoggedText.escaped(attempt.getName()),
                origin(attempt), LoggedText.escaped(event.getException().getMessage()),
                inARow > 0 ? " (" + inARow + " in a row)" : "");
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccessfulSignIn(event.getAuthentication().getName());
    }

    private static String origin(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "an unknown address";
    }
}
