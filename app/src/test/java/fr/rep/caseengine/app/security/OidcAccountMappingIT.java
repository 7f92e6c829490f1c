package fr.rep.caseengine.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An identity proven by an OpenID Connect provider gets the roles of the local account it names, or nothing. */
class OidcAccountMappingIT extends EmbeddedDatabaseTest {

    @Autowired
    AccountOidcUserService oidc;

    @Autowired
    AccountStore accounts;

    @Test
    void a_provider_identity_takes_the_roles_and_team_of_the_matching_local_account() {
        CaseApi.ensureAccount(accounts, "oidc.caseworker", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);

        OidcUser user = oidc.toAccount(fromProvider("oidc.caseworker"));

        assertThat(user.getName()).isEqualTo("oidc.caseworker");
        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_CASEWORKER", "TEAM_PAS_DE_CALAIS");
    }

    @Test
    void a_provider_identity_without_a_local_account_is_refused() {
        assertThatThrownBy(() -> oidc.toAccount(fromProvider("nobody.here")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("No enabled account");
    }

    @Test
    void a_disabled_local_account_is_refused() {
        CaseApi.ensureAccount(accounts, "oidc.leaver", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        accounts.disable("oidc.leaver");

        assertThatThrownBy(() -> oidc.toAccount(fromProvider("oidc.leaver")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcUser fromProvider(String preferredUsername) {
        OidcIdToken token = new OidcIdToken(
                "token-value",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of(
                        "sub",
                        "provider-subject-42",
                        "preferred_username",
                        preferredUsername,
                        "iss",
                        "https://id.example"));
        return new DefaultOidcUser(List.of(), token);
    }
}
