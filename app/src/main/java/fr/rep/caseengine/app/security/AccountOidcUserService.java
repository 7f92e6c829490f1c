package fr.rep.caseengine.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Sign-in through an OpenID Connect provider maps to a local account: the provider proves who the person is, the
 * local account (matched by a claim, {@code preferred_username} by default) says what they may do. A person without
 * an enabled local account is refused.
 */
@Component
class AccountOidcUserService extends OidcUserService {

    private final AccountStore accounts;
    private final String usernameClaim;

    AccountOidcUserService(
            AccountStore accounts,
            @Value("${rep.security.oidc-username-claim:preferred_username}") String usernameClaim) {
        this.accounts = accounts;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toAccount(super.loadUser(request));
    }

    OidcUser toAccount(OidcUser signedIn) {
        String username = signedIn.getClaimAsString(usernameClaim);
        Account account = username == null
                ? null
                : accounts.find(username).filter(Account::enabled).orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("no_account"), "No enabled account matches this identity");
        }
        return new DefaultOidcUser(
                account.authorities().stream()
                        .filter(authority -> !Account.PASSWORD_CHANGE_REQUIRED.equals(authority))
                        .map(SimpleGrantedAuthority::new)
                        .toList(),
                signedIn.getIdToken(),
                signedIn.getUserInfo(),
                usernameClaim);
    }
}
