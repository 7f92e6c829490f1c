package fr.rep.caseengine.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.events.problem.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The error answers written outside Spring MVC's handlers: by Tomcat itself, by the request checks, by the firewall
 * and at {@code /error}. Each is an RFC 9457 problem, written as plain JSON (no Spring message converter is at hand
 * at those depths). The one place to choose another form: a browser's page request may get an HTML page here later.
 */
final class ErrorAnswers {

    static final String INVALID_INPUT = ProblemType.INVALID_INPUT.toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorAnswers() {}

    /** A problem with the status's reason as title; {@code type} null for {@code about:blank}. */
    static Map<String, Object> problem(int status, String type, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type == null ? "about:blank" : type);
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    /** A 400 listing each refused field (a header, a parameter) with its rule, as the API's input errors do. */
    static Map<String, Object> invalid(List<ApiProblemHandler.FieldProblem> problems, String instance) {
        Map<String, Object> problem = problem(
                400,
                INVALID_INPUT,
                problems.stream()
                        .map(field -> field.field() + ": " + field.message())
                        .collect(Collectors.joining("; ")),
                instance);
        problem.put("title", "Invalid input");
        problem.put("errors", problems);
        return problem;
    }

    static void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
        response.setStatus((Integer) problem.get("status"));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    static byte[] bytes(Map<String, Object> problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new IllegalStateException("a problem made of strings and numbers cannot fail to serialise", e);
        }
    }
}
