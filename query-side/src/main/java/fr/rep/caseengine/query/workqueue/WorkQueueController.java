package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.query.access.ViewScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Serves the caller's work queue: items of the cases in their scope, soonest due first. */
@RestController
@Tag(name = "Case views")
class WorkQueueController {

    private final JdbcTemplate jdbc;

    WorkQueueController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Item(UUID caseId, String kind, UUID child, String accompanier, LocalDate dueOn, OffsetDateTime raisedAt) {
    }

    @GetMapping("/api/work-queue")
    @Operation(summary = "What is coming up on the caller's cases: 18th birthdays, nursery separations, permits ending, "
            + "follow-ups due")
    List<Item> workQueue(Caller caller) {
        ViewScope scope = ViewScope.forList(caller);
        return jdbc.query("""
                SELECT w.case_id, w.kind, w.child, w.accompanier, w.due_on, w.raised_at
                FROM work_queue_item w JOIN case_view v ON v.case_id = w.case_id
                WHERE v.stage NOT IN ('CLOSED', 'DECLINED') AND\s""" + scope.condition()
                        + " ORDER BY w.due_on, w.raised_at LIMIT 500",
                (rs, row) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class)),
                scope.arguments().toArray());
    }
}
