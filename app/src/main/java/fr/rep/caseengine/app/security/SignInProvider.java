package fr.rep.caseengine.app.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local sign-in that answers the same for an unknown name, a wrong password and a locked-out address: the password
 * is always hashed (Spring's dummy hash for an unknown name), and only then is the lock looked at, which turns even
 * the right password into the same "bad credentials". A disabled account is said so only after its right password.
 */
class SignInProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    SignInProvider(AccountUserDetailsService accounts, PasswordEncoder passwords, SignInThrottle throttle) {
        super(accounts);
        setPasswordEncoder(passwords);
        this.throttle = throttle;
        // Nothing about the account is told before its password was checked.
        setPreAuthenticationChecks(account -> {});
        setPostAuthenticationChecks(account -> {
            if (!account.isEnabled()) {
                throw new DisabledException("account disabled");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = SignInThrottle.address(attempt);
        boolean locked = throttle.locked(username, address);
        Authentication signedIn;
        try {
            signedIn = super.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address, wrong);
            throw wrong;
        } catch (AuthenticationException refused) {
            throttle.refused(username, address, refused);
            throw refused;
        }
        if (locked) {
            throttle.refusedWhileLocked(username, address);
            throw new BadCredentialsException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
        }
        throttle.succeeded(username, address);
        return signedIn;
    }
}
