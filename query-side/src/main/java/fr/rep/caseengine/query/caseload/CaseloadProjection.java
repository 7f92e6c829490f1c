package fr.rep.caseengine.query.caseload;

import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.CustodyChanged;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.query.live.View;
import fr.rep.caseengine.query.live.ViewChange;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Owns the schema {@code caseload}: one row per case ({@code caseload_case}) and the cases counted per team, prison,
 * stage and caseworker ({@code caseload_bucket}), moved from bucket to bucket as the case changes. Idempotent: an
 * event whose sequence number is not above the case's version was applied already and changes nothing. Each move is
 * announced to live clients when the batch commits.
 */
@Component
@ProcessingGroup(CaseloadProcessing.PROCESSING_GROUP)
class CaseloadProjection {

    /** The caseworker of a case nobody is assigned to (the bucket key cannot hold NULL). */
    static final String UNASSIGNED = "";

    private final JdbcTemplate jdbc;

    CaseloadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a case is counted. */
    private record Bucket(String team, String prison, String stage, String caseworker) {
    }

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequence) {
        Bucket bucket = new Bucket(event.team().name(), event.prison().name(), CaseStage.next(null, event).name(),
                UNASSIGNED);
        int inserted = jdbc.update("""
                INSERT INTO caseload_case (case_id, team, prison, stage, caseworker, received_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                event.caseId().value(), bucket.team(), bucket.prison(), bucket.stage(), bucket.caseworker(),
                Timestamp.from(event.occurredAt()), sequence);
        if (inserted == 1) {
            enter(bucket, event.occurredAt());
            announce(event, bucket, bucket);
        }
    }

    @EventHandler
    void on(CaseAssigned event, @SequenceNumber long sequence) {
        move(event, sequence, null, event.caseworker());
    }

    @EventHandler
    void on(CustodyChanged event, @SequenceNumber long sequence) {
        boolean movedPrison = event.change().inCustody() && event.prison() != null;
        move(event, sequence, movedPrison ? event.prison().name() : null, null);
    }

    @EventHandler
    void on(RequestAccepted event, @SequenceNumber long sequence) {
        if (move(event, sequence, null, null)) {
            jdbc.update("UPDATE caseload_case SET accepted_at = ? WHERE case_id = ?",
                    Timestamp.from(event.occurredAt()), event.caseId().value());
        }
    }

    @EventHandler
    void on(InterventionClosed event, @SequenceNumber long sequence) {
        if (move(event, sequence, null, null)) {
            jdbc.update("UPDATE caseload_case SET closed_at = ? WHERE case_id = ?",
                    Timestamp.from(event.occurredAt()), event.caseId().value());
        }
    }

    /** Any other event of the case may change its stage, by the shared lifecycle table. */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        move(event, sequence, null, null);
    }

    /**
     * Applies the event to the case's row (stage by the lifecycle table; prison and caseworker when given) and moves
     * it between buckets when its bucket changed; false when the event was applied before.
     */
    private boolean move(CaseEvent event, long sequence, String prison, String caseworker) {
        UUID caseId = event.caseId().value();
        List<Bucket> found = jdbc.query("""
                SELECT team, prison, stage, caseworker FROM caseload_case WHERE case_id = ? AND version < ?
                FOR UPDATE""",
                (rs, row) -> new Bucket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                caseId, sequence);
        if (found.isEmpty()) {
            return false;
        }
        Bucket before = found.get(0);
        Bucket after = new Bucket(before.team(), Objects.requireNonNullElse(prison, before.prison()),
                CaseStage.next(CaseStage.valueOf(before.stage()), event).name(),
                Objects.requireNonNullElse(caseworker, before.caseworker()));
        Timestamp receivedAt = jdbc.queryForObject("""
                UPDATE caseload_case SET prison = ?, stage = ?, caseworker = ?, version = ? WHERE case_id = ?
                RETURNING received_at""", Timestamp.class,
                after.prison(), after.stage(), after.caseworker(), sequence, caseId);
        if (!after.equals(before)) {
            leave(before, receivedAt.toInstant());
            enter(after, receivedAt.toInstant());
            announce(event, before, after);
        }
        return true;
    }

    private void enter(Bucket bucket, Instant receivedAt) {
        jdbc.update("""
                INSERT INTO caseload_bucket (team, prison, stage, caseworker, cases, received_epoch_sum,
                    oldest_received_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT (team, prison, stage, caseworker) DO UPDATE SET
                    cases = caseload_bucket.cases + 1,
                    received_epoch_sum = caseload_bucket.received_epoch_sum + EXCLUDED.received_epoch_sum,
                    oldest_received_at = LEAST(caseload_bucket.oldest_received_at, EXCLUDED.oldest_received_at)""",
                bucket.team(), bucket.prison(), bucket.stage(), bucket.caseworker(), receivedAt.getEpochSecond(),
                Timestamp.from(receivedAt));
    }

    /** Runs after the case's row moved: the bucket's oldest request is looked up among the cases still in it. */
    private void leave(Bucket bucket, Instant receivedAt) {
        jdbc.update("""
                UPDATE caseload_bucket b SET cases = b.cases - 1,
                    received_epoch_sum = b.received_epoch_sum - ?,
                    oldest_received_at = (SELECT min(c.received_at) FROM caseload_case c WHERE c.team = b.team
                        AND c.prison = b.prison AND c.stage = b.stage AND c.caseworker = b.caseworker)
                WHERE team = ? AND prison = ? AND stage = ? AND caseworker = ?""",
                receivedAt.getEpochSecond(), bucket.team(), bucket.prison(), bucket.stage(), bucket.caseworker());
        jdbc.update("""
                DELETE FROM caseload_bucket WHERE team = ? AND prison = ? AND stage = ? AND caseworker = ?
                AND cases <= 0""", bucket.team(), bucket.prison(), bucket.stage(), bucket.caseworker());
    }

    private void announce(CaseEvent event, Bucket before, Bucket after) {
        new ViewChange(View.CASELOAD.processingGroup(), Team.valueOf(after.team()), event.caseId().value(),
                List.of(before.caseworker(), after.caseworker())).announce(jdbc);
    }
}
