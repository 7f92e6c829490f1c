package fr.rep.caseengine.app.projections;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every command dispatched on this node, through the API or not, passes the case views' backlog gate. */
@Configuration
class ViewBacklogConfiguration {

    @Bean
    ViewBacklogGate viewBacklogGate(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            ViewBacklogSettings settings,
            CommandBus commands) {
        ViewBacklogGate gate = new ViewBacklogGate(processing, jdbc, settings);
        commands.registerDispatchInterceptor(gate);
        return gate;
    }
}
