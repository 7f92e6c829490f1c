package fr.rep.caseengine.query.deadletter;

import fr.rep.caseengine.query.deadletter.RetryReport.Outcome;
import fr.rep.caseengine.query.deadletter.RetryReport.Retried;
import fr.rep.caseengine.query.projection.ReadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events each projection set aside, and their retry once the cause is fixed.
 * <p>
 * A retry takes the projection's cases one by one and applies each case's events in order, each event in a
 * transaction of its own that also removes it from the queue; at the first event that still fails it records the new
 * cause and leaves that event and the later ones waiting. The live processor keeps running meanwhile: an event of the
 * case arriving during the retry either joins the queue (and waits for the next retry) or, once the case's queue is
 * empty, is projected after the retried ones.
 */
@Component
public class ProjectionDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionDeadLetters.class);
    private static final int LISTED = 1_000;

    private final Set<String> readModels;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate eachInItsOwn;

    public ProjectionDeadLetters(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            PlatformTransactionManager transactions,
            List<ReadModel> readModels) {
        this.readModels = readModels.stream().map(ReadModel::processingGroup).collect(Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
        this.processing = processing;
        this.eachInItsOwn = new TransactionTemplate(transactions);
        this.eachInItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The cases {@code processingGroup} set aside, oldest first (at most the first thousand). */
    public List<DeadLetteredCase> of(String processingGroup) {
        return jdbc.query(
                """
                SELECT d.sequence_identifier, d.event_identifier, d.payload_type, d.sequence_number, e.global_index,
                       d.cause_message, d.enqueued_at,
                       (SELECT count(*) - 1 FROM dead_letter_entry w
                         WHERE w.processing_group = d.processing_group
                           AND w.sequence_identifier = d.sequence_identifier) AS waiting
                  FROM dead_letter_entry d
                  LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
                 WHERE d.processing_group = ?
                   AND d.sequence_index = (SELECT min(f.sequence_index) FROM dead_letter_entry f
                                            WHERE f.processing_group = d.processing_group
                                              AND f.sequence_identifier = d.sequence_identifier)
                 ORDER BY d.enqueued_at, d.sequence_identifier
                 LIMIT ?""",
                (row, i) -> new DeadLetteredCase(
                        row.getString(1),
                        row.getString(2),
                        simpleName(row.getString(3)),
                        (Long) row.getObject(4),
                        (Long) row.getObject(5),
                        row.getString(6),
                        Instant.parse(row.getString(7)),
                        row.getLong(8)),
                processingGroup,
                LISTED);
    }

    /**
     * @param cases  cases with events set aside
     * @param events events set aside, the failed ones and those waiting behind them
     */
    public record Count(long cases, long events) {}

    /** How many cases and events each processing group set aside; groups with none are absent. */
    public Map<String, Count> counts() {
        Map<String, Count> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT processing_group, count(DISTINCT sequence_identifier), count(*) FROM dead_letter_entry "
                        + "GROUP BY processing_group ORDER BY processing_group",
                row -> {
                    counts.put(row.getString(1), new Count(row.getLong(2), row.getLong(3)));
                });
        return counts;
    }

    /** Whether {@code projection} sets poison events aside (and can have them retried). */
    public boolean handles(String projection) {
        return readModels.contains(projection) && queue(projection).isPresent();
    }

    /** Applies again, in order, the events {@code projection} set aside; one retry per projection at a time. */
    public synchronized RetryReport retry(String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection)
                .orElseThrow(() -> new IllegalArgumentException("no dead-letter queue for " + projection));
        GroupHandlers handlers =
                GroupHandlers.of(processing.eventProcessor(projection).orElseThrow());
        List<Retried> retried = new ArrayList<>();
        for (String caseId : jdbc.queryForList(
                "SELECT DISTINCT sequence_identifier FROM dead_letter_entry " + "WHERE processing_group = ? ORDER BY 1",
                String.class,
                projection)) {
            retried.add(retry(projection, queue, handlers, caseId));
        }
        long remaining = jdbc.queryForObject(
                "SELECT count(DISTINCT sequence_identifier) FROM dead_letter_entry " + "WHERE processing_group = ?",
                Long.class,
                projection);
        LOG.info(
                "Retried the events projection {} had set aside: {} cases, {} still set aside",
                projection,
                retried.size(),
                remaining);
        return new RetryReport(projection, retried, remaining);
    }

    private Retried retry(
            String projection, SequencedDeadLetterQueue<EventMessage<?>> queue, GroupHandlers handlers, String caseId) {
        int applied = 0;
        while (true) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters =
                    queue.deadLetterSequence(caseId).iterator();
            if (!letters.hasNext()) {
                return new Retried(caseId, applied, Outcome.APPLIED, null);
            }
            DeadLetter<? extends EventMessage<?>> letter = letters.next();
            try {
                eachInItsOwn.executeWithoutResult(status -> {
                    try {
                        handlers.apply(letter.message());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    queue.evict(letter);
                });
                applied++;
            } catch (RuntimeException failure) {
                String error = PoisonCause.describe(failure);
                LOG.warn(
                        "Projection {} still cannot apply event {} of case {}: {}",
                        projection,
                        letter.message().getIdentifier(),
                        caseId,
                        error);
                LOG.debug(
                        "Why projection {} still cannot apply event {}",
                        projection,
                        letter.message().getIdentifier(),
                        failure);
                eachInItsOwn.executeWithoutResult(
                        status -> queue.requeue(letter, previous -> previous.withCause(PoisonCause.of(failure))));
                return new Retried(caseId, applied, Outcome.STILL_FAILING, error);
            }
        }
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
