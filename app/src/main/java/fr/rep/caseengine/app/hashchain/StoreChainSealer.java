package fr.rep.caseengine.app.hashchain;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the store-wide chain after commit: takes the rows that appending transactions left pending (case-chained,
 * no store position), in {@code global_index} order, gives them the next store positions and their store links, and
 * moves the head, in short transactions of at most {@code batchSize} rows ({@code event_chain_seal}, one round trip).
 * The head's row lock is held only for that pass, so several nodes on one database never seal at once and appends are
 * never held up by it. Store positions therefore follow sealing order: in each pass, the rows committed by then, in
 * global order.
 * <p>
 * One background thread seals: woken by {@link #signal()} right after an appending transaction commits, it waits
 * {@code gathering} (a few milliseconds) for the commits of the same moment, then makes one pass for all of them;
 * signals arriving meanwhile or during a pass coalesce into one more pass, none is lost. It also makes a pass every
 * {@code interval} without a signal, for the appends of other nodes. It starts with a pass (rows left pending by a
 * previous run). A stop lets a pass under way finish (or interrupts it after a few seconds, rolling it back) and makes
 * no last pass, since the database may already be going away: rows committed after the last pass stay pending, case-chained and reported by verification as awaiting
 * their store seal, until the next start or another node's sealer. {@link #sealPending()} seals everything committed
 * so far, on the caller's thread.
 */
public final class StoreChainSealer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StoreChainSealer.class);
    /** How long a stop lets a pass under way finish before interrupting it (its transaction then rolls back). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final Duration interval;
    private final Duration gathering;
    private final Object monitor = new Object();
    /** Guarded by {@link #monitor}: an append committed since the thread last began a pass. */
    private boolean signalled;
    /** Guarded by {@link #monitor}. */
    private boolean running;

    private Thread thread;

    StoreChainSealer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            int batchSize,
            Duration interval,
            Duration gathering) {
        if (batchSize < 1 || interval.isNegative() || interval.isZero() || gathering.isNegative()) {
            throw new IllegalArgumentException("rep.event-chain: seal-batch must be at least 1, seal-interval "
                    + "positive and seal-gathering not negative; got " + batchSize + ", " + interval + " and "
                    + gathering);
        }
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = batchSize;
        this.interval = interval;
        this.gathering = gathering;
    }

    /**
     * Seals every row pending when this is called (and any committed meanwhile), in passes of at most the batch size,
     * each in a transaction of its own at PostgreSQL's default isolation, READ COMMITTED (each statement of a pass
     * sees the rows committed before it); returns how many rows it sealed. Safe from any thread and any node: passes
     * take the head's row lock in turn.
     */
    public long sealPending() {
        return sealPendingWhile(() -> true);
    }

    private long sealPendingWhile(BooleanSupplier goOn) {
        long sealed = 0;
        int pass;
        do {
            pass = transaction.execute(
                    status -> jdbc.queryForObject("SELECT event_chain_seal(?)", Integer.class, batchSize));
            sealed += pass;
        } while (pass == batchSize && goOn.getAsBoolean());
        return sealed;
    }

    /**
     * {@link #sealPending()} before a verification, so that its head covers every event committed by then; when the
     * store cannot be written (a read-only account or replica), the verification goes on and reports the rows still
     * awaiting their store seal as such.
     */
    void sealPendingBeforeVerifying() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not seal pending events before verifying; they are reported as awaiting their store seal: "
                            + "{}",
                    e.toString());
        }
    }

    /** An appending transaction committed: wake the sealer (several signals before it wakes make one pass). */
    void signal() {
        synchronized (monitor) {
            signalled = true;
            monitor.notifyAll();
        }
    }

    @Override
    public void start() {
        synchronized (monitor) {
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::sealUntilStopped, "event-chain-sealer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread sealer;
        synchronized (monitor) {
            if (!running) {
                return;
            }
            running = false;
            sealer = thread;
            monitor.notifyAll();
        }
        try {
            sealer.join(STOP_TIMEOUT.toMillis());
            if (sealer.isAlive()) {
                LOG.warn(
                        "The event chain sealer's pass did not end within {}: interrupted; the rows it did not seal "
                                + "stay pending until the next start",
                        STOP_TIMEOUT);
                sealer.interrupt();
                sealer.join(STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (monitor) {
            return running;
        }
    }

    /** Stopped after everything that appends (the web server, command handling, processors), started early. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }

    private void sealUntilStopped() {
        while (true) {
            passLoggingFailures();
            synchronized (monitor) {
                try {
                    if (running && !signalled) {
                        monitor.wait(interval.toMillis());
                    }
                    if (running && signalled) {
                        gatherFurtherCommits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
                signalled = false;
                if (!running) {
                    return;
                }
            }
        }
    }

    /**
     * Woken by a commit, waits {@code gathering} more so that the commits of that moment make one pass, not one pass
     * each: a pass is a transaction of its own, whose commit would otherwise double the commits of single-event
     * appends. Called holding the monitor; waiting releases it, and signals meanwhile only set the flag again.
     */
    private void gatherFurtherCommits() throws InterruptedException {
        long deadline = System.nanoTime() + gathering.toNanos();
        long remaining;
        while (running && (remaining = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
        }
    }

    private void passLoggingFailures() {
        if (!isRunning()) {
            return;
        }
        try {
            long sealed = sealPendingWhile(this::isRunning);
            if (sealed > 0) {
                LOG.debug("Sealed {} events into the store chain", sealed);
            }
        } catch (RuntimeException e) {
            if (isRunning()) {
                LOG.warn(
                        "Could not seal pending events into the store chain (tried again in {} or at the next "
                                + "append): {}",
                        interval,
                        e.toString());
            }
        }
    }
}
