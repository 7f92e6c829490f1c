package fr.rep.caseengine.query.rebuild;

import fr.rep.caseengine.query.deadletter.DeadLetterQueues;
import fr.rep.caseengine.query.deadletter.DeadLetteredCase;
import fr.rep.caseengine.query.deadletter.GroupHandlers;
import fr.rep.caseengine.query.deadletter.PoisonCause;
import fr.rep.caseengine.query.deadletter.PoisonIsolation;
import fr.rep.caseengine.query.projection.ProjectionCommits;
import fr.rep.caseengine.query.projection.ReplayMemory;
import fr.rep.caseengine.query.rebuild.RebuildProgress.State;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection from the event store while the live one keeps serving, then switches to it.
 * <p>
 * A projection is a streaming processing group whose tables all live in a PostgreSQL schema named after it
 * ({@code case-views} → {@code case_views}); queries and handlers name tables without a schema and find them through
 * the search path. A rebuild:
 * <ol>
 * <li>creates a shadow schema with empty copies of the live tables ({@code LIKE ... INCLUDING ALL});</li>
 * <li>replays the whole store through the group's own handlers, each batch in a transaction whose search path puts
 * the shadow schema first, events of one case in order, cases spread over worker threads as the live processor's
 * segments spread them (never more threads than it has segments);</li>
 * <li>an event the handlers cannot apply is set aside with the later events of its case, as the live processor
 * does (a batch that fails is replayed again event by event, {@link PoisonIsolation}), and reported in the progress;
 * at the switch these become the projection's dead letters;</li>
 * <li>when a read finds no more events, pauses the live processor, replays what came meanwhile, and in one
 * transaction renames the live schema away, the shadow schema into its place, and moves the live processor's
 * tokens to the last replayed event; then starts the live processor again and drops the old schema.</li>
 * </ol>
 * Readers are never paused: until the switch commits they read the live tables, after it the rebuilt ones.
 * This node must hold the group's segments during the switch (one node, or the others' processors stopped): when
 * another node holds one, the switch fails and the live projection is left as it was.
 * <p>
 * One rebuild of a projection at a time across every node of the database: a run holds a PostgreSQL session advisory
 * lock named after the projection from its start to its end, since two runs would share (and drop) one shadow schema.
 * <p>
 * Projections rebuilt together ({@link #start(List)}) share one read of the store: one thread reads and deserialises
 * it a batch ahead, every projection applies each batch at once, and all are paused and switched in at the same
 * position. Each run lends its projection's handlers a {@link ReplayMemory} for its transactions.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int BATCH = 1_000;
    /** Batches read and deserialised ahead of those being applied. */
    private static final int READ_AHEAD = 2;

    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(60);

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TokenStore tokens;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeadLetterQueues deadLetterQueues;
    private final PoisonIsolation isolation;
    private final int workers;
    private final int rememberedCases;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    public ProjectionRebuilds(
            EventProcessingConfiguration processing,
            EventStorageEngine storage,
            TokenStore tokens,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            RebuildSettings settings,
            DeadLetterQueues deadLetterQueues,
            PoisonIsolation isolation) {
        this.processing = processing;
        this.storage = storage;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.deadLetterQueues = deadLetterQueues;
        this.isolation = isolation;
        this.workers = settings.workers();
        this.rememberedCases = settings.rememberedCases();
    }

    /** The projections that can be rebuilt: streaming processing groups with a schema of their own. */
    public List<String> projections() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> processor : new TreeMap<>(processing.eventProcessors()).entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor && schemaExists(schemaOf(processor.getKey()))) {
                names.add(processor.getKey());
            }
        }
        return names;
    }

    /** Starts rebuilding a projection in the background; its progress is then at {@link #progress(String)}. */
    public RebuildProgress start(String projection) {
        return start(List.of(projection)).get(0);
    }

    /**
     * Starts rebuilding several projections together in the background: the store is read and deserialised once for
     * all of them, each batch of events applied to every projection at once (each in transactions of its own), and
     * they are switched in together. Each has its own progress at {@link #progress(String)}, and one that fails
     * leaves the others going.
     *
     * @throws UnknownProjection     when a name is not a projection that can be rebuilt; nothing started
     * @throws RebuildAlreadyRunning when one of them is being rebuilt, here or on another node; nothing started
     */
    public List<RebuildProgress> start(List<String> projections) {
        List<String> known = projections();
        List<String> names = projections.stream().distinct().toList();
        for (String projection : names) {
            if (!known.contains(projection)) {
                throw new UnknownProjection(projection);
            }
        }
        Map<String, Connection> turns = new LinkedHashMap<>();
        List<Run> together = new ArrayList<>();
        try {
            for (String projection : names) {
                turns.put(projection, takeTurn(projection));
            }
            for (String projection : names) {
                Run run = new Run(projection, schemaOf(projection), clock.instant());
                Run running = runs.compute(
                        projection, (name, previous) -> previous != null && previous.active() ? previous : run);
                if (running != run) {
                    throw new RebuildAlreadyRunning(projection);
                }
                together.add(run);
            }
        } catch (RuntimeException notStarted) {
            together.forEach(run -> runs.remove(run.projection, run));
            turns.forEach((projection, turn) -> endTurn(turn, projection));
            throw notStarted;
        }
        runner.submit(() -> {
            try {
                replayTogether(together);
            } finally {
                turns.forEach((projection, turn) -> endTurn(turn, projection));
            }
        });
        return together.stream().map(Run::progress).toList();
    }

    /**
     * A connection holding the projection's rebuild lock, on whichever node asks first.
     *
     * @throws RebuildAlreadyRunning when a run on this node or another holds it
     */
    private Connection takeTurn(String projection) {
        try {
            Connection connection = jdbc.getDataSource().getConnection();
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "projection-rebuild:" + projection);
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return connection;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
            throw new RebuildAlreadyRunning(projection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the rebuild lock of " + projection + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock; closing the connection would too, but a pooled connection outlives its borrower. */
    private static void endTurn(Connection turn, String projection) {
        try (turn;
                PreparedStatement unlock = turn.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
            unlock.setString(1, "projection-rebuild:" + projection);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warn(
                    "Could not release the rebuild lock of {} ({}); it ends with its connection",
                    projection,
                    e.getMessage());
        }
    }

    /** Rebuilds a projection and returns once it serves the rebuilt tables (or failed). */
    public RebuildProgress rebuild(String projection, Duration timeout) throws InterruptedException {
        start(projection);
        Instant deadline = clock.instant().plus(timeout);
        while (runs.get(projection).active()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("the rebuild of " + projection + " did not end within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return runs.get(projection).progress();
    }

    /** The current or last rebuild of a projection since this node started. */
    public Optional<RebuildProgress> progress(String projection) {
        return Optional.ofNullable(runs.get(projection)).map(Run::progress);
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    static String schemaOf(String projection) {
        return projection.replace('-', '_');
    }

    private boolean schemaExists(String schema) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, schema));
    }

    /**
     * Replays the store into every run's shadow schema, reading it once for all; when a read finds no more events,
     * pauses their live processors, replays what came meanwhile and switches each in.
     */
    private void replayTogether(List<Run> together) {
        List<Run> running =
                new ArrayList<>(together.stream().filter(Run::prepare).toList());
        try {
            TrackingToken position = null;
            TrackingToken readFrom;
            do {
                long remaining = jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE global_index > ?",
                        Long.class,
                        lastIndex(position));
                running.forEach(run -> run.expect(remaining));
                readFrom = position;
                position = replay(running, position);
            } while (!running.isEmpty() && !Objects.equals(position, readFrom));
            for (Run run : running) {
                try {
                    run.pause();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    run.fail(e);
                }
            }
            running.removeIf(run -> !run.active());
            position = replay(running, position);
            for (Run run : running) {
                try {
                    run.switchIn(position);
                } catch (RuntimeException e) {
                    run.fail(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.stream().filter(Run::active).forEach(run -> run.fail(e));
        } catch (Exception e) {
            running.stream().filter(Run::active).forEach(run -> run.fail(e));
        } finally {
            together.forEach(Run::release);
        }
    }

    /**
     * Replays every event after {@code from} into each running shadow schema and returns the last one's position;
     * a run that fails leaves {@code running}. One thread reads and deserialises the next batch while the runs apply
     * the current one, every run's workers at once.
     */
    private TrackingToken replay(List<Run> running, TrackingToken from) throws Exception {
        TrackingToken last = from;
        if (running.isEmpty()) {
            return last;
        }
        BlockingQueue<List<TrackedEventMessage<?>>> read = new ArrayBlockingQueue<>(READ_AHEAD);
        Future<?> reader = runner.submit(() -> {
            readInto(read, from);
            return null;
        });
        try {
            for (List<TrackedEventMessage<?>> batch = read.take(); !batch.isEmpty(); batch = read.take()) {
                Map<Run, List<Future<?>>> submitted = new LinkedHashMap<>();
                for (Run run : running) {
                    submitted.put(run, run.submit(batch));
                }
                for (Map.Entry<Run, List<Future<?>>> run : submitted.entrySet()) {
                    if (!run.getKey().applied(run.getValue(), batch.size())) {
                        running.remove(run.getKey());
                    }
                }
                if (running.isEmpty()) {
                    return last;
                }
                last = batch.get(batch.size() - 1).trackingToken();
            }
            reader.get();
            return last;
        } catch (ExecutionException readFailed) {
            throw readFailed.getCause() instanceof Exception cause ? cause : readFailed;
        } finally {
            reader.cancel(true);
        }
    }

    /**
     * Reads the store after {@code from} in batches, each event's payload and metadata deserialised here once for
     * every projection; an empty batch ends it (also when reading fails: the failure is the reader's own).
     */
    private void readInto(BlockingQueue<List<TrackedEventMessage<?>>> read, TrackingToken from)
            throws InterruptedException {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                event.getPayload();
                event.getMetaData();
                batch.add(event);
                if (batch.size() == BATCH) {
                    read.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                read.put(batch);
            }
        } finally {
            read.put(List.of());
        }
    }

    /** One rebuild of one projection. */
    private final class Run {

        private final String projection;
        private final String schema;
        private final String shadow;
        private final Instant startedAt;
        private volatile State state = State.PREPARING;
        private volatile long done;
        private volatile long total;
        private volatile Instant replayStartedAt;
        private volatile Instant finishedAt;
        private volatile String failure;
        private Instant lastLog;
        private StreamingEventProcessor live;
        private GroupHandlers handlers;
        private int parallel;
        private ExecutorService pool;
        private boolean paused;
        /** The rebuild's own dead letters, under a processing group of their own until the switch. */
        private final String deadLetterGroup;

        private final JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters;
        /** Cases set aside by committed replay transactions: their later events wait too. */
        private final Set<String> waitingCases = ConcurrentHashMap.newKeySet();

        private final Map<String, DeadLetteredCase> setAside = new LinkedHashMap<>();
        /** What the projection's handlers keep of the shadow tables between this run's transactions. */
        private final ReplayMemory memory = new ReplayMemory(rememberedCases);

        Run(String projection, String schema, Instant startedAt) {
            this.projection = projection;
            this.schema = schema;
            this.shadow = schema + "_rebuild";
            this.startedAt = startedAt;
            this.deadLetterGroup = projection + "@rebuild";
            this.deadLetters = deadLetterQueues.of(deadLetterGroup);
        }

        boolean active() {
            return state != State.DONE && state != State.FAILED;
        }

        RebuildProgress progress() {
            return RebuildProgress.of(
                    projection,
                    schema,
                    state,
                    done,
                    total,
                    startedAt,
                    replayStartedAt,
                    finishedAt == null ? clock.instant() : finishedAt,
                    finishedAt,
                    failure,
                    setAsideSoFar());
        }

        /** The live processor, its handlers and the workers; then the shadow schema. False when it failed. */
        boolean prepare() {
            try {
                live = (StreamingEventProcessor)
                        processing.eventProcessor(projection).orElseThrow(() -> new UnknownProjection(projection));
                handlers = GroupHandlers.of((EventProcessor) live);
                // Never more parallel than the live processor: a group kept to one segment shares rows across cases
                // (counters, a year horizon) that concurrent transactions would deadlock on or count out of order.
                parallel = Math.max(1, Math.min(workers, tokens.fetchSegments(projection).length));
                pool = Executors.newFixedThreadPool(
                        parallel, task -> new Thread(task, "projection-rebuild-" + projection));
                LOG.info(
                        "Rebuilding projection {}: copying the tables of schema {} into {}",
                        projection,
                        schema,
                        shadow);
                createShadow();
                replayStartedAt = clock.instant();
                lastLog = replayStartedAt;
                state = State.REPLAYING;
                return true;
            } catch (RuntimeException e) {
                fail(e);
                return false;
            }
        }

        /** {@code remaining} more events are in the store than replayed so far. */
        void expect(long remaining) {
            total = done + remaining;
        }

        /** Pauses the live processor for the last events and the switch. */
        void pause() throws Exception {
            state = State.SWITCHING;
            live.shutdownAsync().get(PAUSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            paused = true;
        }

        /** Swaps the rebuilt tables in at {@code position}, restarts the live processor on them. */
        void switchIn(TrackingToken position) {
            switchTo(position);
            live.start();
            paused = false;
            dropRetired();
            finishedAt = clock.instant();
            state = State.DONE;
            LOG.info(
                    "Projection {} rebuilt: {} events in {} s ({} events/s); the rebuilt tables serve",
                    projection,
                    done,
                    Duration.between(startedAt, finishedAt).toSeconds(),
                    progress().eventsPerSecond());
            if (!setAsideSoFar().isEmpty()) {
                LOG.warn(
                        "Projection {} rebuilt without the events of {} cases it could not apply: they are its "
                                + "dead letters, listed at GET /api/projections",
                        projection,
                        setAsideSoFar().size());
            }
        }

        /** Whatever the outcome: the workers stop, and a live processor paused for the switch runs again. */
        void release() {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (paused) {
                paused = false;
                live.start();
            }
        }

        /** Hands a batch to the workers: each applies the events of its cases, in order, in a transaction of its own. */
        List<Future<?>> submit(List<TrackedEventMessage<?>> batch) {
            List<List<TrackedEventMessage<?>>> parts = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                parts.add(new ArrayList<>());
            }
            for (TrackedEventMessage<?> event : batch) {
                Object key = event instanceof DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier()
                        : event.getIdentifier();
                parts.get(Math.floorMod(key.hashCode(), parallel)).add(event);
            }
            List<Future<?>> applied = new ArrayList<>();
            for (List<TrackedEventMessage<?>> part : parts) {
                if (!part.isEmpty()) {
                    applied.add(pool.submit(() -> {
                        applyPart(handlers, part);
                        return null;
                    }));
                }
            }
            return applied;
        }

        /** Waits for a batch handed over; true when it was applied, false when the run failed on it. */
        boolean applied(List<Future<?>> submitted, int events) throws InterruptedException {
            Throwable failed = null;
            for (Future<?> future : submitted) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failed = failed == null ? e.getCause() : failed;
                }
            }
            if (failed != null) {
                fail(failed instanceof Exception exception ? exception : new IllegalStateException(failed));
                return false;
            }
            done += events;
            logProgress();
            return true;
        }

        /**
         * One worker's share of a batch, in one transaction; if it fails, once again with every event isolated, and
         * those that fail alone are set aside with their cases' later events.
         */
        private void applyPart(GroupHandlers handlers, List<TrackedEventMessage<?>> part) throws Exception {
            Map<String, DeadLetteredCase> newlySetAside = new LinkedHashMap<>();
            Map<String, Integer> waitingAdded = new HashMap<>();
            try {
                transactions.executeWithoutResult(status -> {
                    waitingAdded.clear();
                    replayInShadow(handlers, part, null, waitingAdded);
                });
            } catch (RuntimeException batchFailed) {
                LOG.info(
                        "Rebuilding projection {}: a batch of {} events failed ({}); replaying it event by event",
                        projection,
                        part.size(),
                        PoisonCause.describe(batchFailed));
                isolation.isolatingEveryEvent(() -> transactions.execute(status -> {
                    newlySetAside.clear();
                    waitingAdded.clear();
                    replayInShadow(handlers, part, newlySetAside, waitingAdded);
                    return null;
                }));
            }
            // Only what committed counts: a transaction rolled back and replayed must not count its letters twice.
            waitingCases.addAll(newlySetAside.keySet());
            synchronized (setAside) {
                newlySetAside.forEach(setAside::putIfAbsent);
                waitingAdded.forEach((sequence, events) ->
                        setAside.computeIfPresent(sequence, (key, first) -> waitingBehind(first, events)));
            }
        }

        /** {@code newlySetAside} is null on a first attempt: then any failure fails the whole transaction. */
        private void replayInShadow(
                GroupHandlers handlers,
                List<TrackedEventMessage<?>> part,
                Map<String, DeadLetteredCase> newlySetAside,
                Map<String, Integer> waitingAdded) {
            jdbc.queryForObject(
                    "SELECT set_config('search_path', ? || ', ' || " + "current_setting('search_path'), true)",
                    String.class,
                    shadow);
            jdbc.execute(ProjectionCommits.COMMIT_WITHOUT_WAITING);
            memory.attachToTransaction();
            Set<String> waitingHere = new HashSet<>();
            for (TrackedEventMessage<?> event : part) {
                String sequence = sequenceOf(event);
                if (waitingCases.contains(sequence) || waitingHere.contains(sequence)) {
                    if (handlers.handles(event)) {
                        deadLetters.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
                        waitingAdded.merge(sequence, 1, Integer::sum);
                    }
                    continue;
                }
                try {
                    handlers.apply(event);
                } catch (Exception e) {
                    if (newlySetAside == null || PoisonCause.isTransient(e)) {
                        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                    }
                    String error = PoisonCause.describe(e);
                    LOG.warn(
                            "Rebuilding projection {}: set event {} aside ({}, position {}, case {}): {}",
                            projection,
                            event.getIdentifier(),
                            event.getPayloadType().getSimpleName(),
                            positionOf(event),
                            sequence,
                            error);
                    deadLetters.enqueue(sequence, new GenericDeadLetter<>(sequence, event, PoisonCause.of(e)));
                    waitingHere.add(sequence);
                    newlySetAside.put(
                            sequence,
                            new DeadLetteredCase(
                                    sequence,
                                    event.getIdentifier(),
                                    event.getPayloadType().getSimpleName(),
                                    event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                                    positionOf(event),
                                    error,
                                    clock.instant(),
                                    0));
                }
            }
        }

        private List<DeadLetteredCase> setAsideSoFar() {
            synchronized (setAside) {
                return setAside.values().stream().limit(1_000).toList();
            }
        }

        private void createShadow() {
            jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", deadLetterGroup);
            jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
            jdbc.execute("DROP SCHEMA IF EXISTS " + retired() + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + shadow);
            for (String table : jdbc.queryForList(
                    "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY 1", String.class, schema)) {
                jdbc.execute(
                        "CREATE TABLE " + shadow + "." + table + " (LIKE " + schema + "." + table + " INCLUDING ALL)");
            }
        }

        /** The swap and the live processor's new position commit together: no event is lost or applied twice. */
        private void switchTo(TrackingToken position) {
            transactions.executeWithoutResult(status -> {
                jdbc.execute("ALTER SCHEMA " + schema + " RENAME TO " + retired());
                jdbc.execute("ALTER SCHEMA " + shadow + " RENAME TO " + schema);
                // What the rebuilt tables lack is exactly what the rebuild set aside: those become the dead letters.
                jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", projection);
                jdbc.update(
                        "UPDATE dead_letter_entry SET processing_group = ? WHERE processing_group = ?",
                        projection,
                        deadLetterGroup);
                for (int segment : tokens.fetchSegments(projection)) {
                    tokens.storeToken(position, projection, segment);
                    tokens.releaseClaim(projection, segment);
                }
            });
        }

        /** The old tables wait for the readers still on them; a failure here leaves them, not the switch undone. */
        private void dropRetired() {
            try {
                jdbc.execute("DROP SCHEMA IF EXISTS " + retired() + " CASCADE");
            } catch (RuntimeException e) {
                LOG.warn(
                        "Projection {} switched, but its old schema {} could not be dropped", projection, retired(), e);
            }
        }

        private String retired() {
            return schema + "_retired";
        }

        private void logProgress() {
            Instant now = clock.instant();
            if (Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
                lastLog = now;
                RebuildProgress progress = progress();
                LOG.info(
                        "Rebuilding projection {}: {} of {} events, {} events/s, about {} s left",
                        projection,
                        progress.eventsDone(),
                        progress.eventsTotal(),
                        progress.eventsPerSecond(),
                        progress.secondsLeft());
            }
        }

        private void fail(Exception e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            finishedAt = clock.instant();
            state = State.FAILED;
            LOG.error("The rebuild of projection {} failed; the live projection is unchanged", projection, e);
            try {
                jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
            } catch (RuntimeException cleanup) {
                LOG.warn("Could not drop the shadow schema {}", shadow, cleanup);
            }
            try {
                jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", deadLetterGroup);
            } catch (RuntimeException cleanup) {
                LOG.warn("Could not remove the dead letters of the failed rebuild of {}", projection, cleanup);
            }
        }
    }

    /** The case (Axon's sequence per aggregate), or the event itself when it belongs to none. */
    private static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private static Long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken() == null
                ? null
                : event.trackingToken().position().stream().boxed().findFirst().orElse(null);
    }

    private static DeadLetteredCase waitingBehind(DeadLetteredCase first, int events) {
        return new DeadLetteredCase(
                first.caseId(),
                first.eventId(),
                first.eventType(),
                first.sequenceNumber(),
                first.position(),
                first.error(),
                first.since(),
                first.waiting() + events);
    }

    private static long lastIndex(TrackingToken position) {
        return position == null ? -1 : position.position().orElse(-1);
    }
}
