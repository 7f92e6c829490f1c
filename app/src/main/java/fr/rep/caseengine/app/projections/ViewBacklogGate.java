package fr.rep.caseengine.app.projections;

import fr.rep.caseengine.command.admission.CommandAdmission;
import fr.rep.caseengine.query.caseview.CaseViewsProcessing;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bounded staleness of the case views: a command waits while the "case-views" processor of this node is more than
 * {@link ViewBacklogSettings#maxEvents()} events behind the store, for at most {@link ViewBacklogSettings#maxWait()},
 * then goes on whatever the views' state (no command is refused because of them).
 * <p>
 * Why: under a sustained load the threads handling commands take the cores the projections need, so the views fall
 * further behind for as long as the load lasts (seconds at 16 clients on two cores, docs/benchmarks.md), and what a
 * caseworker reads back after saving would be that old. Waiting before the command gives the projection those cores
 * back; when the views keep up, a command waits for nothing.
 * <p>
 * The wait never holds a database connection: a command request through the API is admitted before its transaction
 * opens ({@link CommandAdmission}); any other command is held at dispatch, unless it is sent from inside a
 * transaction (that work holds a connection already, and holding it longer would take it from the projections).
 * The processor's position is read from this node's own segments; a processor that is stopped, in error, or whose
 * segments another node holds does not hold commands back. The store's head is read at most every
 * {@link #HEAD_FRESHNESS_NANOS}.
 */
public class ViewBacklogGate implements CommandAdmission, MessageDispatchInterceptor<CommandMessage<?>> {

    static final long HEAD_FRESHNESS_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ViewBacklogSettings settings;
    private final LongAdder heldCommands = new LongAdder();
    private final LongAdder heldNanos = new LongAdder();
    private long head = -1;
    private long headReadAt;

    public ViewBacklogGate(EventProcessingConfiguration processing, JdbcTemplate jdbc, ViewBacklogSettings settings) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                awaitViews();
            }
            return command;
        };
    }

    @Override
    public void awaitAdmission() {
        awaitViews();
    }

    /** Returns once the case views are within the allowed backlog, or the longest wait has passed. */
    public void awaitViews() {
        if (settings.maxEvents() == 0 || backlog() <= settings.maxEvents()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + settings.maxWait().toNanos();
        while (backlog() > settings.maxEvents() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        heldCommands.increment();
        heldNanos.add(System.nanoTime() - start);
    }

    /** How many commands waited for the views since this node started, and how long in all. */
    public Held held() {
        return new Held(heldCommands.sum(), Duration.ofNanos(heldNanos.sum()));
    }

    /**
     * @param commands commands that waited for the views
     * @param waited   their waits added up
     */
    public record Held(long commands, Duration waited) {}

    /** Events stored after the lowest position of this node's case-views segments; 0 when none is running here. */
    public long backlog() {
        OptionalLong position = caseViewsPosition();
        return position.isEmpty() ? 0 : Math.max(0, head() - position.getAsLong());
    }

    private OptionalLong caseViewsPosition() {
        return processing
                .eventProcessor(CaseViewsProcessing.PROCESSING_GROUP, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::isRunning)
                .filter(processor -> !processor.isError())
                .map(processor -> lowest(processor.processingStatus().values()))
                .orElse(OptionalLong.empty());
    }

    private static OptionalLong lowest(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
        }
        return OptionalLong.of(lowest);
    }

    private synchronized long head() {
        long now = System.nanoTime();
        if (head < 0 || now - headReadAt > HEAD_FRESHNESS_NANOS) {
            Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            head = last == null ? -1 : last;
            headReadAt = now;
        }
        return head;
    }
}
