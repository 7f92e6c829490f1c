package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.query.projection.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "work-queue" processing group (schema {@code work_queue}): a failing handler rolls its batch back, never skipped
 * silently; an event that fails on its own is then set aside with its case's later events
 * ({@link fr.rep.caseengine.query.deadletter}).
 */
@Configuration
public class WorkQueueProcessing {

    public static final String PROCESSING_GROUP = "work-queue";

    @Bean
    ConfigurerModule workQueueFailsOnError() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    ReadModel workQueueReadModel() {
        return new ReadModel(PROCESSING_GROUP);
    }
}
