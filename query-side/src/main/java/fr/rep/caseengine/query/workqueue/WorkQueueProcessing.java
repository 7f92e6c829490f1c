package fr.rep.caseengine.query.workqueue;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "work-queue" processing group (schema {@code work_queue}): a failing handler is retried, never skipped. */
@Configuration
public class WorkQueueProcessing {

    public static final String PROCESSING_GROUP = "work-queue";

    @Bean
    ConfigurerModule workQueueFailsOnError() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
