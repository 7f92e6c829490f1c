package fr.rep.caseengine.command.idempotency;

import fr.rep.caseengine.command.admission.CommandAdmission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a command request in one database transaction together with its idempotency record, so that the events,
 * the personal data and the stored answer commit or roll back together.
 * <p>
 * The key is claimed first: a concurrent request with the same key waits on PostgreSQL's unique index until the
 * first commits, then reads its answer. Only successful answers are stored; a refused command can be sent again.
 * Keys are scoped by actor, so two clients cannot collide. The request is admitted ({@link CommandAdmission}) before
 * its transaction opens.
 */
@Component
public class IdempotentCommands {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CommandAdmission admission;

    @Autowired
    IdempotentCommands(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
                       ObjectProvider<CommandAdmission> admission) {
        this(jdbc, transaction, clock, admission.getIfAvailable(() -> CommandAdmission.NONE));
    }

    IdempotentCommands(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, CommandAdmission admission) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.admission = admission;
    }

    /**
     * @param key         the client's {@code Idempotency-Key}, or {@code null} for a plain request
     * @param fingerprint a digest of the request, to detect a key reused for something else
     */
    public CommandOutcome run(String actor, String key, String fingerprint, Supplier<CommandOutcome> command) {
        admission.awaitAdmission();
        return transaction.execute(status -> key == null
                ? command.get()
                : runOnce(actor, key, fingerprint, command));
    }

    private CommandOutcome runOnce(String actor, String key, String fingerprint, Supplier<CommandOutcome> command) {
        int claimed = jdbc.update("""
                INSERT INTO idempotent_request (actor, idempotency_key, request_fingerprint, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                actor, key, fingerprint, Timestamp.from(clock.instant()));
        if (claimed == 0) {
            return previousOutcome(actor, key, fingerprint);
        }
        CommandOutcome outcome = command.get();
        jdbc.update("""
                UPDATE idempotent_request
                SET response_status = ?, response_location = ?, response_version = ?, response_body = ?
                WHERE actor = ? AND idempotency_key = ?""",
                outcome.status(), outcome.location(), outcome.version(), outcome.body(), actor, key);
        return outcome;
    }

    private CommandOutcome previousOutcome(String actor, String key, String fingerprint) {
        List<StoredRequest> stored = jdbc.query("""
                SELECT request_fingerprint, response_status, response_location, response_version, response_body
                FROM idempotent_request WHERE actor = ? AND idempotency_key = ?""",
                (rs, row) -> new StoredRequest(rs.getString(1), new CommandOutcome(
                        rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getString(5))),
                actor, key);
        StoredRequest request = stored.get(0);
        if (!request.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        return request.outcome();
    }

    private record StoredRequest(String fingerprint, CommandOutcome outcome) {
    }
}
