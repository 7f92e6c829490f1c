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
import fr.rep.caseengine.query.projection.StageChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
    private record Bucket(String team, String prison, String stage, String caseworker) {}

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequence) {
        Bucket bucket = new Bucket(
                event.team().name(),
                event.prison().name(),
                CaseStage.next(null, event).name(),
                UNASSIGNED);
        int inserted = jdbc.update(
                """
                INSERT INTO caseload_case (case_id, team, prison, stage, caseworker, received_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""",
                event.caseId().value(),
                bucket.team(),
                bucket.prison(),
                bucket.stage(),
                bucket.caseworker(),
                Timestamp.from(event.occurredAt()),
                sequence);
        if (inserted == 1) {
            enter(bucket, event.occurredAt());
            announce(event, bucket, bucket);
        }
    }

    @EventHandler
    void on(CaseAssigned event, @SequenceNumber long sequence) {
        move(event, sequence, null, event.caseworker(), "");
    }

    @EventHandler
    void on(CustodyChanged event, @SequenceNumber long sequence) {
        boolean movedPrison = event.change().inCustody() && event.prison() != null;
        move(event, sequence, movedPrison ? event.prison().name() : null, null, "");
    }

    @EventHandler
    void on(RequestAccepted event, @SequenceNumber long sequence) {
        move(event, sequence, null, null, ", accepted_at = ?", Timestamp.from(event.occurredAt()));
    }

    @EventHandler
    void on(InterventionClosed event, @SequenceNumber long sequence) {
        move(event, sequence, null, null, ", closed_at = ?", Timestamp.from(event.occurredAt()));
    }

    /** Any other event of the case may change its stage, by the shared lifecycle table. */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        move(event, sequence, null, null, "");
    }

    /**
     * Applies the event to the case's row in one statement — its version, stage by the lifecycle table
     * ({@link StageChange}), prison and caseworker when given, and the event's own {@code changes}
     * ({@code , column = ?...} with their {@code arguments}) — and moves the case between buckets when its bucket
     * changed. Nothing when the event was applied before. The row as it was comes from the same statement (a locked
     * sub-select joined to the update).
     */
    private void move(
            CaseEvent event, long sequence, String prison, String caseworker, String changes, Object... arguments) {
        StringBuilder sql = new StringBuilder("""
                UPDATE caseload_case SET version = ?, prison = coalesce(?, prison),
                    caseworker = coalesce(?, caseworker)""");
        List<Object> values = new ArrayList<>(Arrays.asList(sequence, prison, caseworker));
        StageChange.of(event).assign(sql, values);
        sql.append(changes).append("""
                 FROM (SELECT case_id AS moved_case, prison AS prison_before, stage AS stage_before,
                    caseworker AS caseworker_before FROM caseload_case WHERE case_id = ? AND version < ? FOR UPDATE) b
                WHERE case_id = b.moved_case
                RETURNING team, prison_before, stage_before, caseworker_before, prison, stage, caseworker, received_at""");
        values.addAll(Arrays.asList(arguments));
        values.add(event.caseId().value());
        values.add(sequence);
        List<Move> moves = jdbc.query(
                sql.toString(),
                (rs, row) -> new Move(
                        new Bucket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        new Bucket(rs.getString(1), rs.getString(5), rs.getString(6), rs.getString(7)),
                        rs.getTimestamp(8).toInstant()),
                values.toArray());
        for (Move move : moves) {
            if (!move.after().equals(move.before())) {
                leave(move.before(), move.receivedAt());
                enter(move.after(), move.receivedAt());
                announce(event, move.before(), move.after());
            }
        }
    }

    /** A case's bucket before and after an event, and when its request was received. */
    private record Move(Bucket before, Bucket after, Instant receivedAt) {}

    private void enter(Bucket bucket, Instant receivedAt) {
        jdbc.update(
                """
                INSERT INTO caseload_bucket (team, prison, stage, caseworker, cases, received_epoch_sum,
                    oldest_received_at)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT (team, prison, stage, caseworker) DO UPDATE SET
                    cases = caseload_bucket.cases + 1,
                    received_epoch_sum = caseload_bucket.received_epoch_sum + EXCLUDED.received_epoch_sum,
                    oldest_received_at = LEAST(caseload_bucket.oldest_received_at, EXCLUDED.oldest_received_at)""",
                bucket.team(),
                bucket.prison(),
                bucket.stage(),
                bucket.caseworker(),
                receivedAt.getEpochSecond(),
                Timestamp.from(receivedAt));
    }

    /** Runs after the case's row moved: the bucket's oldest request is looked up among the cases still in it. */
    private void leave(Bucket bucket, Instant receivedAt) {
        jdbc.update(
                """
                UPDATE caseload_bucket b SET cases = b.cases - 1,
                    received_epoch_sum = b.received_epoch_sum - ?,
                    oldest_received_at = (SELECT min(c.received_at) FROM caseload_case c WHERE c.team = b.team
                        AND c.prison = b.prison AND c.stage = b.stage AND c.caseworker = b.caseworker)
                WHERE team = ? AND prison = ? AND stage = ? AND caseworker = ?""", receivedAt.getEpochSecond(), bucket.team(), bucket.prison(), bucket.stage(), bucket.caseworker());
        jdbc.update("""
                DELETE FROM caseload_bucket WHERE team = ? AND prison = ? AND stage = ? AND caseworker = ?
                AND cases <= 0""", bucket.team(), bucket.prison(), bucket.stage(), bucket.caseworker());
    }

    private void announce(CaseEvent event, Bucket before, Bucket after) {
        new ViewChange(
                        View.CASELOAD.processingGroup(),
                        Team.valueOf(after.team()),
                        event.caseId().value(),
                        List.of(before.caseworker(), after.caseworker()))
                .announce(jdbc);
    }
}
