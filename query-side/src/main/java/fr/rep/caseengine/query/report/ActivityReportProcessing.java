package fr.rep.caseengine.query.report;

import fr.rep.caseengine.query.projection.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "activity-report" processing group keeps the report's facts in schema {@code activity_report}. A failing
 * handler rolls its batch back rather than skip the event: a report must never silently miss an event. The batch is
 * retried with its events isolated and an event that fails on its own is set aside with its case's later events
 * ({@link fr.rep.caseengine.query.deadletter}).
 */
@Configuration
public class ActivityReportProcessing {

    public static final String PROCESSING_GROUP = "activity-report";

    @Bean
    ConfigurerModule activityReportFailsOnError() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    ReadModel activityReportReadModel() {
        return new ReadModel(PROCESSING_GROUP);
    }
}
