package fr.rep.caseengine.app.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The pages speak French whatever the browser asks for: the service works in French, and a label missing from the
 * bundle must show in the tests rather than fall back to another language.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        FixedLocaleResolver french = new FixedLocaleResolver(Locale.FRANCE);
        french.setDefaultTimeZone(TimeZone.getTimeZone("Europe/Paris"));
        return french;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        // Before the API's problem handlers: a page's failure is a French page, an API call's stays a problem.
        resolvers.add(0, new PageErrors());
    }
}
