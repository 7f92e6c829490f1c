package fr.rep.caseengine.app.database;

import fr.rep.caseengine.events.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL is down, answers every request but the actuator's at once: {@code 503}, {@code Retry-After},
 * {@code application/problem+json}. Runs before sign-in (which reads accounts from the database), so that no request
 * waits on the pool for 30 s to end in a 500.
 */
@Component
class DatabaseUnavailableFilter extends OncePerRequestFilter implements Ordered {

    static final int RETRY_AFTER_SECONDS = 5;

    private final DatabaseAvailability availability;

    DatabaseUnavailableFilter(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.up()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"%s","title":"Database unavailable","status":503,\
                "detail":"The database does not answer; the service is reconnecting. Try again in %d s.",\
                "instance":"%s"}""".formatted(
                        ProblemType.of("database-unavailable"), RETRY_AFTER_SECONDS, json(request.getRequestURI())));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
