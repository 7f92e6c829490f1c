package fr.rep.caseengine.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param enabled whether to load the demonstration cases into an empty event store at start-up */
@ConfigurationProperties("rep.demo-data")
record DemoDataProperties(@DefaultValue("false") boolean enabled) {
}
