package fr.rep.caseengine.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.app.page.Pages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account still on its one-time password may only change it (and sign out): a browser is sent to the password
 * page, an API client gets a problem.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final Set<String> ALLOWED = Set.of(
            "/api/account/password",
            "/api/account",
            "/logout",
            AccountPages.PASSWORD_PAGE,
            SecurityConfiguration.SIGN_IN_PAGE,
            "/error");

    private final ObjectMapper json;

    PasswordChangeRequiredFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean mustChange = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> Account.PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
        String path = request.getServletPath();
        if (mustChange && !ALLOWED.contains(path) && !isAsset(path)) {
            if (Pages.isPage(request)) {
                response.sendRedirect(request.getContextPath() + AccountPages.PASSWORD_PAGE);
                return;
            }
            Problems.write(
                    json,
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "password-change-required",
                    "Password change required",
                    "This account still uses its one-time password: change it first with POST /api/account/password");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The style sheet and scripts the password page itself needs. */
    private static boolean isAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }
}
