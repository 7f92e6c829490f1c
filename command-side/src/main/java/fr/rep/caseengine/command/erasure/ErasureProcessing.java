package fr.rep.caseengine.command.erasure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two subscribing groups of erasure. A failing handler must fail the command that appended the event (Axon's
 * default only logs): an erasure stored with its key still in place, or a closing the retention policy never sees,
 * would go unnoticed.
 */
@Configuration
class ErasureProcessing {

    static final String KEY_DESTRUCTION = "personal-data-erasure";
    static final String ENDED_CASES = "ended-cases";

    @Bean
    ConfigurerModule erasureFailsWithItsCommand() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(KEY_DESTRUCTION, config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(ENDED_CASES, config -> PropagatingErrorHandler.instance());
    }
}
