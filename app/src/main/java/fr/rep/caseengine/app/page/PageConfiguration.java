package fr.rep.caseengine.app.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * The pages speak French whatever the browser asks for: the service works in French, and a label missing from the
 * bundle must show in the tests rather than fall back to another language. The API keeps its English messages
 * (validation included), as before the pages existed.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        FixedLocaleResolver french = new FixedLocaleResolver(Locale.FRANCE);
        french.setDefaultTimeZone(TimeZone.getTimeZone("Europe/Paris"));
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return Pages.isPage(request) ? french.resolveLocale(request) : api.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the pages' language is fixed");
            }
        };
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        // Before the API's problem handlers: a page's failure is a French page, an API call's stays a problem.
        resolvers.add(0, new PageErrors());
    }
}
