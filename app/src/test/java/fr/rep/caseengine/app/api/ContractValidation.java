package fr.rep.caseengine.app.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Contract tests: every answer an integration test receives from {@code /api} through its {@code TestRestTemplate}
 * (and so through {@code CaseApi}) is checked against the description the app serves; an answer the description does
 * not allow (an undocumented status, a body that breaks its schema, a content type it does not list) fails the test
 * that received it. The requests are not checked: many tests send bad ones on purpose, and their answers are checked
 * like any other.
 *
 * <p>Found by the application's component scan, which also reads the test classes: every test context has it, with
 * no test naming it. It customises the {@code RestTemplateBuilder} that {@code TestRestTemplate} is built from.
 */
@Configuration(proxyBeanMethods = false)
class ContractValidation {

    @Bean
    RestTemplateCustomizer servedDescriptionChecksEveryAnswer(ObjectProvider<OpenApiWebMvcResource> description) {
        ClientHttpRequestInterceptor check = new AnswerCheck(description);
        return template -> template.getInterceptors().add(check);
    }

    /** The served description, as {@code /v3/api-docs} answers it, its server made relative ("/"). */
    static JsonNode servedDescription(OpenApiWebMvcResource description) {
        try {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/api-docs");
            return withRelativeServers(
                    new ObjectMapper().readTree(description.openapiJson(request, "/v3/api-docs", Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The description with its servers' URL made "/": as served, it names the host it was asked of; relative, it
     * holds wherever the service runs.
     */
    static JsonNode withRelativeServers(JsonNode api) {
        api.path("servers").forEach(server -> ((ObjectNode) server).put("url", "/"));
        return api;
    }

    private static final class AnswerCheck implements ClientHttpRequestInterceptor {

        private final ObjectProvider<OpenApiWebMvcResource> description;
        private volatile OpenApiInteractionValidator validator;

        AnswerCheck(ObjectProvider<OpenApiWebMvcResource> description) {
            this.description = description;
        }

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            ClientHttpResponse response = execution.execute(request, body);
            String path = request.getURI().getRawPath();
            MediaType type = response.getHeaders().getContentType();
            if (!path.startsWith("/api/") && !"/api".equals(path)
                    || type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
                return response;
            }
            byte[] answer;
            try {
                answer = response.getBody().readAllBytes();
                check(request, response.getStatusCode().value(), response.getHeaders(), type, answer);
            } catch (IOException | RuntimeException | AssertionError refused) {
                // Handed back to the connection pool: a test failing here must not starve the next ones.
                response.close();
                throw refused;
            }
            return new ReadResponse(response, answer);
        }

        private void check(HttpRequest request, int status, HttpHeaders headers, MediaType type, byte[] answer) {
            SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
            headers.forEach((name, values) -> response.withHeader(name, values));
            if (type != null) {
                response.withContentType(type.toString());
            }
            if (answer.length > 0) {
                response.withBody(answer);
            }
            ValidationReport report = validator()
                    .validateResponse(
                            request.getURI().getRawPath(),
                            Request.Method.valueOf(request.getMethod().name()),
                            response.build());
            if (!report.hasErrors()) {
                return;
            }
            boolean unknownAddress = report.getMessages().stream()
                    .anyMatch(message -> message.getKey().startsWith("validation.request.path.missing")
                            || message.getKey().startsWith("validation.request.operation.notAllowed"));
            // An address the description does not have may be refused (a test probing a wrong path or method); it
            // may not be served.
            if (unknownAddress && !HttpStatusCode.valueOf(status).is2xxSuccessful()) {
                return;
            }
            throw new AssertionError("the answer to " + request.getMethod() + " "
                    + request.getURI().getRawPath()
                    + " is not one the served description allows (" + status + " " + type + "): "
                    + report.getMessages().stream()
                            .map(message -> message.getKey() + ": " + message.getMessage())
                            .collect(Collectors.joining("; "))
                    + "\n" + excerpt(answer));
        }

        private static String excerpt(byte[] answer) {
            String text = new String(answer, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
        }

        private OpenApiInteractionValidator validator() {
            if (validator == null) {
                synchronized (this) {
                    if (validator == null) {
                        validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                                        servedDescription(description.getObject())
                                                .toString())
                                .build();
                    }
                }
            }
            return validator;
        }
    }

    /** The answer, its body already read for the check, read again by the test. */
    private record ReadResponse(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
