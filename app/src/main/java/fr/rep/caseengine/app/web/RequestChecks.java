package fr.rep.caseengine.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The checks every request passes before anything reads it (before the security firewall, whose refusals of a header
 * would otherwise surface wherever the header happens to be read): the custom headers, the {@code Accept} header and
 * the query parameters. A refused one is a 400 naming it with its rule.
 *
 * <p>Header bytes reach the servlet as ISO-8859-1; the custom headers are read as UTF-8 instead (the purpose falls
 * back to ISO-8859-1 when its bytes are not UTF-8), so that a purpose written in French is recorded as written.
 */
final class RequestChecks extends OncePerRequestFilter {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String ACCESS_PURPOSE = "X-Access-Purpose";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String TOKEN_RULE = "must be 1 to 100 letters, digits, '.', '_', ':' or '-'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<ApiProblemHandler.FieldProblem> problems = new ArrayList<>();
        Map<String, String> decoded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : List.of(IDEMPOTENCY_KEY, CORRELATION_ID, ACCESS_PURPOSE)) {
            String value = request.getHeader(name);
            if (value == null) {
                continue;
            }
            String text = utf8(value);
            if (text == null && name.equals(ACCESS_PURPOSE)) {
                // Not UTF-8: taken as sent, as ISO-8859-1 text (what older clients send for "é").
                text = value;
            }
            String rule = text == null ? "must be UTF-8 text" : PlainText.refusal(text, false);
            if (rule == null
                    && !name.equals(ACCESS_PURPOSE)
                    && !TOKEN.matcher(text).matches()) {
                rule = TOKEN_RULE;
            }
            if (rule != null) {
                problems.add(new ApiProblemHandler.FieldProblem(name, rule));
            } else {
                decoded.put(name, text);
            }
        }
        for (Enumeration<String> accepts = request.getHeaders("Accept"); accepts.hasMoreElements(); ) {
            try {
                MediaType.parseMediaTypes(accepts.nextElement());
            } catch (InvalidMediaTypeException e) {
                problems.add(new ApiProblemHandler.FieldProblem(
                        "Accept", "must be a list of media types, such as application/json"));
                break;
            }
        }
        if (request.getQueryString() != null) {
            request.getParameterMap().forEach((name, values) -> {
                String rule = PlainText.refusal(name, false);
                for (int i = 0; rule == null && i < values.length; i++) {
                    rule = PlainText.refusal(values[i], false);
                }
                if (rule != null) {
                    problems.add(new ApiProblemHandler.FieldProblem(
                            PlainText.refusal(name, false) == null ? name : "(a parameter name)", rule));
                }
            });
        }
        if (!problems.isEmpty()) {
            ErrorAnswers.write(response, ErrorAnswers.invalid(problems, request.getRequestURI()));
            return;
        }
        chain.doFilter(decoded.isEmpty() ? request : new DecodedHeaders(request, decoded), response);
    }

    /** The header's bytes read as UTF-8, or null when they are not UTF-8. */
    private static String utf8(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static final class DecodedHeaders extends HttpServletRequestWrapper {

        private final Map<String, String> decoded;

        DecodedHeaders(HttpServletRequest request, Map<String, String> decoded) {
            super(request);
            this.decoded = decoded;
        }

        @Override
        public String getHeader(String name) {
            return decoded.containsKey(name) ? decoded.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return decoded.containsKey(name)
                    ? Collections.enumeration(List.of(decoded.get(name)))
                    : super.getHeaders(name);
        }
    }
}
