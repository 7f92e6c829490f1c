package fr.rep.caseengine.command.access;

import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.RequestReceived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns {@code case_access}: each case's team and assignee. A subscribing processor runs it in the transaction that
 * appends the events, so access follows the case without lag.
 */
@Component
@ProcessingGroup(CaseAccessProjection.PROCESSING_GROUP)
class CaseAccessProjection {

    static final String PROCESSING_GROUP = "case-access";

    private final JdbcTemplate jdbc;

    CaseAccessProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived event) {
        jdbc.update(
                "INSERT INTO case_access (case_id, team) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.caseId().value(),
                event.team().name());
    }

    @EventHandler
    void on(CaseAssigned event) {
        jdbc.update(
                "UPDATE case_access SET assigned_to = ? WHERE case_id = ?",
                event.caseworker(),
                event.caseId().value());
    }
}
