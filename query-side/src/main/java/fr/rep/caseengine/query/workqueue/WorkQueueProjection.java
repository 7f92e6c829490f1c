package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.familycase.DeadlineApproaching;
import fr.rep.caseengine.query.caseview.CaseViewsProcessing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/** Owns {@code work_queue_item}: one item per deadline warning, written once. */
@Component
@ProcessingGroup(CaseViewsProcessing.PROCESSING_GROUP)
class WorkQueueProjection {

    private final JdbcTemplate jdbc;

    WorkQueueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeadlineApproaching deadline, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO work_queue_item (event_id, case_id, kind, child, accompanier, due_on, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.getIdentifier(), deadline.caseId().value(), deadline.kind().name(),
                deadline.child() == null ? null : deadline.child().value(), deadline.accompanier(),
                Date.valueOf(deadline.dueOn()), Timestamp.from(deadline.occurredAt()));
    }
}
