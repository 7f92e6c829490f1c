package fr.rep.caseengine.query.deadletter;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Axon's JDBC sequenced dead-letter queue of a processing group, in table {@code dead_letter_entry}, written in the
 * transaction of the batch (or retry) that sets an event aside.
 */
@Component
public class DeadLetterQueues {

    /**
     * Axon's default (1,024 cases) would, once reached, make the next poison event fail its batch again and again:
     * set high enough that only a systematic fault could reach it, which the health then shows long before.
     */
    static final int MAX_CASES = 100_000;

    static final int MAX_EVENTS_PER_CASE = 100_000;

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final DeadLetterSchema schema;
    private final Serializer serializer;
    private final Serializer eventSerializer;

    public DeadLetterQueues(
            ConnectionProvider connections,
            TransactionManager transactions,
            DeadLetterSchema schema,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.connections = connections;
        this.transactions = transactions;
        this.schema = schema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
    }

    /** The queue of {@code processingGroup} (a live projection, or a rebuild's own). */
    public JdbcSequencedDeadLetterQueue<EventMessage<?>> of(String processingGroup) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processingGroup)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .maxSequences(MAX_CASES)
                .maxSequenceSize(MAX_EVENTS_PER_CASE)
                .build();
    }
}
