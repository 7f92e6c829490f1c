package fr.rep.caseengine.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hostile input at every depth: Tomcat's own refusals, the request checks before the firewall, the firewall's
 * refusals, and request bodies read strictly (plain text only, no key given twice). Every refusal is a problem.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Before Spring Security's filters (-100): its firewall must see the custom headers already checked. */
    private static final int BEFORE_SECURITY = -200;

    @Bean
    FilterRegistrationBean<RequestChecks> requestChecks() {
        FilterRegistrationBean<RequestChecks> registration = new FilterRegistrationBean<>(new RequestChecks());
        registration.setOrder(BEFORE_SECURITY);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        // The context is already the host's child when customised; the host adds no valve of its own when one of
        // the configured class is in its pipeline.
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    /** Plausible dates ({@code @PlausibleDate}) are judged by the application's clock. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    /** The firewall's refusals (a {@code //}, an encoded dot segment, a forbidden header value). */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, rejected) -> ErrorAnswers.write(
                response,
                ErrorAnswers.problem(
                        400,
                        ErrorAnswers.INVALID_INPUT,
                        "The request was refused: " + rejected.getMessage(),
                        request.getRequestURI()));
    }

    /**
     * Request bodies are read by a copy of the application's mapper that refuses control characters in any string
     * and a key given twice (which would otherwise silently keep the last value). Event payloads and stored answers
     * have mappers of their own and are not affected.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                ? new MappingJackson2HttpMessageConverter(
                        strict(((MappingJackson2HttpMessageConverter) converter).getObjectMapper()))
                : converter);
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.copyWith(new PlainTextParsing(mapper.getFactory()))
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
