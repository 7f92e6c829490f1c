package fr.rep.caseengine.command.pipeline;

import fr.rep.caseengine.command.admission.CommandAdmission;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a command request in one database transaction together with its idempotency record, so that the events,
 * the personal data and the stored answer commit or roll back together.
 * <p>
 * The key is claimed first: a concurrent request with the same key waits on PostgreSQL's unique index until the
 * first commits, then reads its answer. Only successful answers are stored; a refused command can be sent again.
 * Keys are scoped by actor, so two clients cannot collide. The request is admitted ({@link CommandAdmission}) before
 * its transaction opens.
 * <p>
 * A command that did not name the version it was decided on ({@code If-Match}) and meets a concurrent append to its
 * case (Axon's {@link ConcurrencyException}: the case it was decided on had changed by the time it was stored) is tried
 * again, up to {@value #ATTEMPTS} times in all, each time in a fresh transaction on the case read anew, after a short
 * random pause: the client asked for the command whatever the case's version, and the conflict is the server's own
 * business. Its idempotency key is claimed again by each try, since a rolled-back try releases it. A command that
 * named its version gets the conflict (409): it was decided on a version that is gone.
 */
@Component
public class IdempotentCommands {

    /** Tries of a command without an expected version that meets concurrent appends, the first included. */
    static final int ATTEMPTS = 5;
    /** The longest pause before the first retry; it doubles for each further one (10, 20, 40, 80 ms). */
    private static final long FIRST_PAUSE_MILLIS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentCommands.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CommandAdmission admission;
    private final Pause pause;

    @Autowired
    IdempotentCommands(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            Clock clock,
            ObjectProvider<CommandAdmission> admission) {
        this(
                jdbc,
                transaction,
                clock,
                admission.getIfAvailable(() -> CommandAdmission.NONE),
                IdempotentCommands::jittered);
    }

    IdempotentCommands(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, CommandAdmission admission) {
        this(jdbc, transaction, clock, admission, IdempotentCommands::jittered);
    }

    IdempotentCommands(
            JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, CommandAdmission admission, Pause pause) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.admission = admission;
        this.pause = pause;
    }

    /** The pause before a retry, so that tries that met each other do not meet again. */
    interface Pause {
        /** Waits before retry number {@code retry} (1 for the second try). */
        void before(int retry) throws InterruptedException;
    }

    /**
     * Runs a command that names no expected version: a conflict with a concurrent append is retried.
     *
     * @param key         the client's {@code Idempotency-Key}, or {@code null} for a plain request
     * @param fingerprint a digest of the request, to detect a key reused for something else
     */
    public CommandOutcome run(String actor, String key, String fingerprint, Supplier<CommandOutcome> command) {
        return run(actor, key, fingerprint, null, command);
    }

    /**
     * Runs a command request once per idempotency key, in a transaction of its own; retried on a concurrent append
     * when it names no expected version and no transaction was open already (a retry needs a fresh one).
     *
     * @param key             the client's {@code Idempotency-Key}, or {@code null} for a plain request
     * @param fingerprint     a digest of the request, to detect a key reused for something else
     * @param expectedVersion the version the client decided on ({@code If-Match}): a conflict is then not retried;
     *                        {@code null} when it named none
     */
    public CommandOutcome run(
            String actor, String key, String fingerprint, Long expectedVersion, Supplier<CommandOutcome> command) {
        admission.awaitAdmission();
        boolean retried = expectedVersion == null && !TransactionSynchronizationManager.isActualTransactionActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(
                        status -> key == null ? command.get() : runOnce(actor, key, fingerprint, command));
            } catch (ConcurrencyException conflict) {
                if (!retried || attempt == ATTEMPTS) {
                    throw conflict;
                }
                LOG.debug(
                        "Try {} of {} met a concurrent append, tried again: {}",
                        attempt,
                        ATTEMPTS,
                        conflict.getMessage());
                pauseBefore(attempt, conflict);
            }
        }
    }

    private void pauseBefore(int retry, ConcurrencyException conflict) {
        try {
            pause.before(retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
    }

    private static void jittered(int retry) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(1 + ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS << (retry - 1)));
    }

    private CommandOutcome runOnce(String actor, String key, String fingerprint, Supplier<CommandOutcome> command) {
        int claimed = jdbc.update("""
                INSERT INTO idempotent_request (actor, idempotency_key, request_fingerprint, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", actor, key, fingerprint, Timestamp.from(clock.instant()));
        if (claimed == 0) {
            return previousOutcome(actor, key, fingerprint);
        }
        CommandOutcome outcome = command.get();
        jdbc.update("""
                UPDATE idempotent_request
                SET response_status = ?, response_location = ?, response_version = ?, response_body = ?
                WHERE actor = ? AND idempotency_key = ?""", outcome.status(), outcome.location(), outcome.version(), outcome.body(), actor, key);
        return outcome;
    }

    private CommandOutcome previousOutcome(String actor, String key, String fingerprint) {
        List<StoredRequest> stored = jdbc.query(
                """
                SELECT request_fingerprint, response_status, response_location, response_version, response_body
                FROM idempotent_request WHERE actor = ? AND idempotency_key = ?""",
                (rs, row) -> new StoredRequest(
                        rs.getString(1),
                        new CommandOutcome(rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getString(5))),
                actor,
                key);
        StoredRequest request = stored.get(0);
        if (!request.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        return request.outcome();
    }

    private record StoredRequest(String fingerprint, CommandOutcome outcome) {}
}
