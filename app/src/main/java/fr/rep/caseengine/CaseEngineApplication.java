package fr.rep.caseengine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/** The case engine: both sides, the event store and, unless told otherwise, an embedded PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseEngineApplication {

    /** Axon's update checker would call the vendor's host; this service's data about children never leaves it. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(CaseEngineApplication.class, args);
    }

    /** The only source of "now"; its zone (the service's, Europe/Paris) decides calendar dates such as ages. */
    @Bean
    Clock clock(@Value("${rep.time-zone:Europe/Paris}") ZoneId zone) {
        return Clock.system(zone);
    }
}
