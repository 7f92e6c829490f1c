package fr.rep.caseengine.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/** An account still on its one-time password may only change it (and sign out). */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final Set<String> ALLOWED = Set.of("/api/account/password", "/api/account", "/logout");

    private final ObjectMapper json;

    PasswordChangeRequiredFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean mustChange = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Account.PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
        if (mustChange && !ALLOWED.contains(request.getServletPath())) {
            Problems.write(json, request, response, HttpStatus.FORBIDDEN, "password-change-required",
                    "Password change required",
                    "This account still uses its one-time password: change it first with POST /api/account/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
