package fr.rep.caseengine.app.personaldata;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The personal-data store's migration that needs the master key. */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    JavaMigration hashLastNamesRecordedBefore(PersonalDataProperties properties, Clock clock) {
        return new HashLastNamesRecordedBefore(properties, clock);
    }
}
