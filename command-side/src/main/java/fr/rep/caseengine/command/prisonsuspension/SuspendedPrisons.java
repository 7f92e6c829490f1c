package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.familycase.PrisonSuspensions;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.PrisonVisitSuspensionLifted;
import fr.rep.caseengine.events.prison.PrisonVisitsSuspended;
import fr.rep.caseengine.events.prison.SuspensionReason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owns {@code prison_visit_suspension}: each suspension's prison, period, reason and lifting, which the cases ask
 * before they accept a visit in prison ({@link PrisonSuspensions}). Subscribing: written in the transaction that
 * records the suspension or its lifting, so a visit recorded after either answer is judged by it. The command side's
 * own table: the query side's {@code prison_suspension} view lags and may be rebuilt.
 */
@Component
@ProcessingGroup(SuspendedPrisons.GROUP)
class SuspendedPrisons implements PrisonSuspensions {

    static final String GROUP = "suspended-prisons";

    private final JdbcTemplate jdbc;

    SuspendedPrisons(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PrisonVisitsSuspended event) {
        jdbc.update(
                """
                INSERT INTO prison_visit_suspension (suspension_id, prison, starts_at, ends_at, reason)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.suspensionId(),
                event.prison().name(),
                Timestamp.from(event.from()),
                Timestamp.from(event.until()),
                event.reason().name());
    }

    @EventHandler
    void on(PrisonVisitSuspensionLifted event) {
        jdbc.update(
                "UPDATE prison_visit_suspension SET lifted_at = ? WHERE suspension_id = ?",
                Timestamp.from(event.occurredAt()),
                event.suspensionId());
    }

    @Override
    public Optional<Suspension> covering(Prison prison, Instant at) {
        return jdbc
                .query(
                        """
                SELECT starts_at, LEAST(ends_at, COALESCE(lifted_at, ends_at)) AS ends_at, reason
                FROM prison_visit_suspension
                WHERE prison = ? AND starts_at <= ? AND ? < LEAST(ends_at, COALESCE(lifted_at, ends_at))
                ORDER BY starts_at LIMIT 1""",
                        (rs, row) -> new Suspension(
                                prison,
                                rs.getTimestamp(1).toInstant(),
                                rs.getTimestamp(2).toInstant(),
                                SuspensionReason.valueOf(rs.getString(3))),
                        prison.name(),
                        Timestamp.from(at),
                        Timestamp.from(at))
                .stream()
                .findFirst();
    }
}
