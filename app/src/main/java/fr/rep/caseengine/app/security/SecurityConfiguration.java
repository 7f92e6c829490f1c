package fr.rep.caseengine.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.app.page.Pages;
import fr.rep.caseengine.events.staff.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Browsers sign in with a form (or OpenID Connect when configured) and hold a session cookie,
 * protected by a CSRF token; API clients send HTTP Basic credentials on each request, without a session. Everything
 * but health and sign-in needs an account; each endpoint lists the roles it serves, and the views narrow further to
 * the cases in the caller's scope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CASEWORKER = Role.CASEWORKER.name();
    private static final String TEAM_MANAGER = Role.TEAM_MANAGER.name();
    private static final String SERVICE_MANAGER = Role.SERVICE_MANAGER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMINISTRATOR = Role.ADMINISTRATOR.name();

    /**
     * CSRF protects what a browser sends on its own: the session cookie. Requests signed in with HTTP Basic, and
     * requests with no session at all (other than the sign-in form), carry nothing a forged page could reuse. Any
     * other Authorization header (a bearer token this app does not read) signs nothing in: such a request rides on its
     * session cookie like any browser's, and needs the token.
     */
    private static final RequestMatcher NOTHING_TO_FORGE = request -> isBasic(request.getHeader("Authorization"))
            || (request.getRequestedSessionId() == null && !"/login".equals(request.getServletPath()));

    /** API and operations paths answer 401 with a problem; only pages redirect to the sign-in form. */
    private static final RequestMatcher NOT_A_PAGE = request -> {
        String path = request.getServletPath();
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
    };

    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    static final String SIGN_IN_PAGE = "/connexion";

    /**
     * A page asked for without a session goes to the sign-in page, which says so when the session had expired; the
     * request was saved before, so signing in leads back to it. An htmx request is told to load the sign-in page
     * whole rather than swap it into a fragment.
     */
    private static void toSignInPage(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String target = request.getContextPath()
                + SIGN_IN_PAGE
                + (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() ? "?expiree" : "");
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        response.sendRedirect(target);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Local sign-in (form and HTTP Basic): the same answer and cost for every failure, lock-out per address. */
    @Bean
    SignInProvider signInProvider(
            AccountUserDetailsService accounts, PasswordEncoder passwords, SignInThrottle throttle) {
        return new SignInProvider(accounts, passwords, throttle);
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            ObjectMapper json,
            ObjectProvider<ClientRegistrationRepository> openIdProviders,
            AccountOidcUserService oidcAccounts,
            SessionLifetime lifetime)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // A server-sent event stream ends with an async dispatch of the request already authorised.
                .dispatcherTypeMatchers(DispatcherType.ASYNC)
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/login", "/login/**", "/oauth2/**", "/error")
                .permitAll()
                // The browser application's sign-in page and static assets (no personal data in them).
                .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                .permitAll()
                .requestMatchers("/connexion")
                .permitAll()
                .requestMatchers("/actuator/**")
                .hasRole(ADMINISTRATOR)
                .requestMatchers("/api/accounts", "/api/accounts/**")
                .hasRole(ADMINISTRATOR)
                .requestMatchers("/api/role-requests", "/api/role-requests/**")
                .hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/account-trail")
                .hasRole(AUDITOR)
                .requestMatchers("/api/projections", "/api/projections/**")
                .hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.POST, "/api/personal-data/key-rotations")
                .hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/personal-data/key-rotations")
                .hasAnyRole(ADMINISTRATOR, AUDITOR)
                .requestMatchers("/api/account", "/api/account/**")
                .authenticated()
                // Who issues which one-time password is OneTimePasswordIssuers' rule; caseworkers never do.
                .requestMatchers("/api/one-time-passwords", "/api/one-time-passwords/*")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER, AUDITOR, ADMINISTRATOR)
                .requestMatchers(HttpMethod.POST, "/api/cases")
                .hasRole(CASEWORKER)
                .requestMatchers(HttpMethod.POST, "/api/cases/*/assignment")
                .hasRole(TEAM_MANAGER)
                .requestMatchers(HttpMethod.POST, "/api/cases/*/erasures")
                .hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.POST, "/api/cases/*/break-glass")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER)
                .requestMatchers(HttpMethod.POST, "/api/cases/*/*")
                .hasRole(CASEWORKER)
                .requestMatchers(HttpMethod.POST, "/api/prison-suspensions", "/api/prison-suspensions/*/lifting")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/collective-actions",
                        "/api/talking-groups",
                        "/api/talking-groups/*/members",
                        "/api/talking-groups/*/sessions")
                .hasRole(CASEWORKER)
                .requestMatchers(HttpMethod.GET, "/api/cases")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER, SERVICE_MANAGER, AUDITOR)
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/cases/*",
                        "/api/cases/*/history",
                        "/api/cases/*/history.json",
                        "/api/cases/*/history.pdf",
                        "/api/cases/*/as-of")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER, AUDITOR)
                .requestMatchers(HttpMethod.GET, "/api/cases/*/accesses", "/api/accesses")
                .hasRole(AUDITOR)
                .requestMatchers(HttpMethod.GET, "/api/break-glass-accesses")
                .hasRole(AUDITOR)
                .requestMatchers(HttpMethod.GET, "/api/erasures")
                .hasRole(AUDITOR)
                .requestMatchers(HttpMethod.GET, "/api/event-store/verification")
                .hasRole(AUDITOR)
                .requestMatchers(HttpMethod.GET, "/api/work-queue", "/api/work-queue/stream")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER)
                .requestMatchers(HttpMethod.GET, "/api/caseload", "/api/caseload/stream")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER, SERVICE_MANAGER)
                .requestMatchers(HttpMethod.GET, "/api/reports/activity", "/api/reports/activity/*")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER, AUDITOR)
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authenticated()
                // Pages: the same roles as the API they mirror (the views narrow to the caller's scope).
                .requestMatchers(HttpMethod.GET, "/dossiers")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER, SERVICE_MANAGER, AUDITOR)
                .requestMatchers(HttpMethod.GET, "/dossiers/**")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER, AUDITOR)
                .requestMatchers(HttpMethod.POST, "/dossiers/*/affectation")
                .hasRole(TEAM_MANAGER)
                .requestMatchers(HttpMethod.POST, "/dossiers/*/*")
                .hasRole(CASEWORKER)
                .requestMatchers("/demandes/nouvelle")
                .hasRole(CASEWORKER)
                .requestMatchers(HttpMethod.GET, "/mon-travail")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER)
                .requestMatchers(HttpMethod.GET, "/tableau-de-bord")
                .hasAnyRole(CASEWORKER, TEAM_MANAGER, SERVICE_MANAGER)
                .requestMatchers(HttpMethod.GET, "/suspensions")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER)
                .requestMatchers(HttpMethod.POST, "/suspensions", "/suspensions/*/levee")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER)
                .requestMatchers(HttpMethod.GET, "/equipe")
                .hasRole(TEAM_MANAGER)
                .requestMatchers(HttpMethod.POST, "/equipe/attributions")
                .hasRole(TEAM_MANAGER)
                .requestMatchers(HttpMethod.GET, "/bilan", "/bilan/definitions")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER, AUDITOR)
                .requestMatchers("/mot-de-passe")
                .authenticated()
                .requestMatchers("/mots-de-passe-provisoires", "/mots-de-passe-provisoires/*")
                .hasAnyRole(TEAM_MANAGER, SERVICE_MANAGER, AUDITOR, ADMINISTRATOR)
                .requestMatchers(
                        "/verification",
                        "/verification/**",
                        "/traces-acces",
                        "/traces-acces/**",
                        "/acces-exceptionnels",
                        "/effacements")
                .hasRole(AUDITOR)
                .requestMatchers("/administration", "/administration/**")
                .hasRole(ADMINISTRATOR)
                // Any other page: signed in, so that an unknown address answers the French "not found" page.
                .requestMatchers(request -> Pages.isPage(request) && "GET".equals(request.getMethod()))
                .authenticated()
                .anyRequest()
                .denyAll());
        AuthenticationEntryPoint signInRequired = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"REP case engine\"");
            // One answer for an unknown name, a wrong password and a locked-out address (docs/security.md).
            Problems.write(
                    json,
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "sign-in-required",
                    "Sign-in required",
                    "Sign in with a valid account");
        };
        http.httpBasic(basic -> basic.authenticationEntryPoint(signInRequired));
        ExceptionMappingAuthenticationFailureHandler signInFailed = new ExceptionMappingAuthenticationFailureHandler();
        // A forward keeps the name typed in the form's parameters, and the page says why in words.
        signInFailed.setUseForward(true);
        signInFailed.setDefaultFailureUrl(SIGN_IN_PAGE + "?erreur");
        // A disabled account is told only after its right password (SignInProvider).
        signInFailed.setExceptionMappings(Map.of(DisabledException.class.getName(), SIGN_IN_PAGE + "?desactive"));
        // Browsers sign in on the French page; the form still posts to /login, where API clients post too.
        // Signing in replaces the session's CSRF token (Spring Security's CsrfAuthenticationStrategy); the new one
        // is made at once, so that the sign-in's answer already carries it in the XSRF-TOKEN cookie.
        SavedRequestAwareAuthenticationSuccessHandler toThePageAsked =
                new SavedRequestAwareAuthenticationSuccessHandler();
        http.formLogin(form -> form.loginPage(SIGN_IN_PAGE)
                .loginProcessingUrl("/login")
                .failureHandler(signInFailed)
                .successHandler((request, response, authentication) -> {
                    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                        token.getToken();
                    }
                    toThePageAsked.onAuthenticationSuccess(request, response, authentication);
                }));
        http.logout(logout -> logout.logoutSuccessUrl(SIGN_IN_PAGE + "?deconnecte"));
        if (openIdProviders.getIfAvailable() != null) {
            http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts)));
        }
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(signInRequired, NOT_A_PAGE)
                .defaultAuthenticationEntryPointFor(SecurityConfiguration::toSignInPage, Pages::isPage)
                .accessDeniedHandler((request, response, denied) -> {
                    if (Pages.isPage(request)) {
                        // The French 403 page, rendered by the error page of the status.
                        response.sendError(HttpStatus.FORBIDDEN.value());
                    } else if (denied instanceof CsrfException) {
                        Problems.write(
                                json,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "csrf",
                                "Missing or invalid CSRF token",
                                "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header with this session");
                    } else {
                        Problems.write(
                                json,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Forbidden",
                                "Your roles do not allow this request");
                    }
                }));
        http.csrf(csrf -> csrf.csrfTokenRepository(new SessionBoundCsrfTokens())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(NOTHING_TO_FORGE));
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        http.addFilterAfter(new PasswordChangeRequiredFilter(json), AuthorizationFilter.class);
        http.addFilterBefore(lifetime.filter(), SecurityContextHolderFilter.class);
        return http.build();
    }
}
