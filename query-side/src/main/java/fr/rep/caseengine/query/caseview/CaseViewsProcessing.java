package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.query.projection.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "case-views" processing group feeds the case list, detail and history in one transaction per batch, with its
 * token. A failing handler must not be skipped (Axon's default only logs): it rolls the batch back and the processor
 * retries it with its events isolated; an event that fails on its own is set aside with its case's later events
 * ({@link fr.rep.caseengine.query.deadletter}), listed and retried by administrators, so a view never silently misses
 * an event and one event never stops the others.
 */
@Configuration
public class CaseViewsProcessing {

    public static final String PROCESSING_GROUP = ReadModel.CASE_VIEWS;

    @Bean
    ConfigurerModule caseViewsFailOnError() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    ReadModel caseViewsReadModel() {
        return new ReadModel(PROCESSING_GROUP);
    }
}
