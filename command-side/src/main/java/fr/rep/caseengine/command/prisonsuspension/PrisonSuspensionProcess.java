package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.familycase.CancelVisit;
import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.VisitCancellationReason;
import fr.rep.caseengine.events.prison.PrisonVisitsSuspended;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a prison suspends visits, cancels every scheduled visit there in the period, on each case, with the reason
 * {@code PRISON_WIDE_SUSPENSION} and the named system actor {@value #ACTOR}. It reads only visits still scheduled, so
 * processing the same suspension again cancels nothing twice.
 */
@Component
@ProcessingGroup("prison-suspensions")
class PrisonSuspensionProcess {

    static final String ACTOR = "system:prison-suspension";
    private static final Logger LOG = LoggerFactory.getLogger(PrisonSuspensionProcess.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    PrisonSuspensionProcess(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    private record HitVisit(UUID caseId, UUID visitId) {}

    @EventHandler
    void on(PrisonVisitsSuspended suspension) {
        List<HitVisit> hit = jdbc.query(
                """
                SELECT case_id, visit_id FROM scheduled_visit
                WHERE prison = ? AND status = 'SCHEDULED' AND planned_for >= ? AND planned_for < ?
                ORDER BY planned_for""",
                (rs, row) -> new HitVisit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                suspension.prison().name(),
                Timestamp.from(suspension.from()),
                Timestamp.from(suspension.until()));
        for (HitVisit visit : hit) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CancelVisit(
                                new CaseId(visit.caseId()),
                                null,
                                suspension.occurredAt(),
                                visit.visitId(),
                                VisitCancellationReason.PRISON_WIDE_SUSPENSION))
                        .andMetaData(Map.of(EventMetadata.ACTOR, ACTOR)));
            } catch (RuleViolation refused) {
                LOG.warn(
                        "Suspension {}: visit {} of case {} not cancelled: {}",
                        suspension.suspensionId(),
                        visit.visitId(),
                        visit.caseId(),
                        refused.getMessage());
            }
        }
        LOG.info(
                "Suspension {} at {}: {} scheduled visit(s) cancelled",
                suspension.suspensionId(),
                suspension.prison(),
                hit.size());
    }
}
