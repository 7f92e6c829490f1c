package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.staff.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The browser's sign-in page and the password change, with the same rules as {@code POST /api/account/password}.
 * Signing in itself is Spring Security's form login at {@code POST /login}, shared with API clients.
 */
@Controller
class AccountPages {

    static final String PASSWORD_PAGE = "/mot-de-passe";

    private static final Logger LOG = LoggerFactory.getLogger(AccountPages.class);

    private final AccountStore accounts;
    private final AccountUserDetailsService userDetails;
    private final SessionLifetime lifetime;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountPages(AccountStore accounts, AccountUserDetailsService userDetails, SessionLifetime lifetime) {
        this.accounts = accounts;
        this.userDetails = userDetails;
        this.lifetime = lifetime;
    }

    /**
     * The sign-in page; a failed sign-in is forwarded here with the name typed kept. {@code GET /login} answers the
     * same page for clients that fetched the form (and its CSRF token) there.
     */
    @RequestMapping(
            path = {SecurityConfiguration.SIGN_IN_PAGE, "/login"},
            method = {RequestMethod.GET, RequestMethod.POST})
    String signIn(@RequestParam(required = false) String username, Model model) {
        model.addAttribute("username", username == null ? "" : username);
        return "account/sign-in";
    }

    @GetMapping(PASSWORD_PAGE)
    String passwordForm(Caller caller, Model model) {
        model.addAttribute("required", mustChange());
        model.addAttribute("errors", Map.of());
        return "account/password";
    }

    @PostMapping(PASSWORD_PAGE)
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation,
            Caller caller,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Account account = accounts.find(caller.account()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!accounts.passwordMatches(account, currentPassword)) {
            errors.put("currentPassword", "password.error.current");
        }
        if (newPassword.length() < 12 || newPassword.length() > 200) {
            errors.put("newPassword", "password.error.length");
        } else if (newPassword.equals(currentPassword)) {
            errors.put("newPassword", "password.error.same");
        } else if (!newPassword.equals(confirmation)) {
            errors.put("confirmation", "password.error.confirmation");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("required", mustChange());
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/password";
        }
        accounts.changePassword(account.username(), newPassword);
        LOG.info("Account '{}' changed its password", account.username());
        refreshAuthorities(account.username(), request, response);
        lifetime.keepAfterPasswordChange(request);
        return "redirect:/?motDePasseChange";
    }

    /** The session's authorities follow the account: a changed one-time password no longer locks the pages. */
    private void refreshAuthorities(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails fresh = userDetails.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private static boolean mustChange() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(authority -> Account.PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
    }
}
