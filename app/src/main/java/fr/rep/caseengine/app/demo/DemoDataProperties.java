package fr.rep.caseengine.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  whether to load the demonstration cases and accounts into an empty event store at start-up
 * @param password the password of every demonstration account: for trying the service, never for real data
 */
@ConfigurationProperties("rep.demo-data")
record DemoDataProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("demo-password") String password) {}
