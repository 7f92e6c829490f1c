package fr.rep.caseengine.query.deadletter;

import fr.rep.caseengine.query.projection.ReadModel;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every read model's processor sets a poison event aside instead of stopping on it: Axon's dead-lettering invoker
 * with a JDBC queue (the case's later events wait behind it), failed batches retried with their events isolated.
 * The subscribing processors of the command side are not concerned: they run in the command's transaction, whose
 * command then fails, which is right.
 */
@Configuration
class DeadLetterConfiguration {

    @Bean
    ConfigurerModule readModelsSetPoisonEventsAside(
            List<ReadModel> readModels, DeadLetterQueues queues, PoisonIsolation isolation) {
        return configurer -> readModels.stream()
                .map(ReadModel::processingGroup)
                .forEach(group -> configurer
                        .eventProcessing()
                        .registerDeadLetterQueue(group, config -> queues.of(group))
                        .registerDeadLetterPolicy(group, config -> new IsolatedFailuresOnly(group, isolation))
                        // Without it every event asks the queue whether its case is waiting: one query per event.
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                group, (config, builder) -> builder.enableSequenceIdentifierCache())
                        .registerErrorHandler(group, config -> new SuspectingErrorHandler(isolation)));
    }

    @Bean
    HandlerEnhancerDefinition readModelHandlersIsolated(List<ReadModel> readModels, PoisonIsolation isolation) {
        return new IsolatingHandlers(readModels, isolation);
    }
}
