package fr.rep.caseengine.query.caseload;

import fr.rep.caseengine.query.projection.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "caseload" processing group (schema {@code caseload}): a failing handler rolls its batch back, never skipped
 * silently; the batch is retried with its events isolated and an event that fails on its own is set aside with its
 * case's later events ({@link fr.rep.caseengine.query.deadletter}). It runs on one segment: every case moves shared bucket rows, and segments in parallel would wait on
 * (or deadlock over) each other's bucket locks.
 */
@Configuration
public class CaseloadProcessing {

    public static final String PROCESSING_GROUP = "caseload";

    @Bean
    ConfigurerModule caseloadFailsOnError() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    ReadModel caseloadReadModel() {
        return new ReadModel(PROCESSING_GROUP);
    }
}
