package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.personaldata.PersonalDataRecorder;
import fr.rep.caseengine.events.familycase.RequestReceived;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a generated dataset into the event store through Axon's own {@link EventStorageEngine#appendEvents}, so rows
 * are exactly what the engine writes (same serializer, columns, metadata), in large batches of one transaction each.
 * One writer keeps the store's order: a case's events get increasing global indexes, as processors expect. The
 * dataset is generated on the calling thread meanwhile.
 */
public final class EventStoreLoader {

    private static final int BATCHES_IN_FLIGHT = 4;

    public record Loaded(long events, Duration took) {

        double perSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    private EventStoreLoader() {}

    public static Loaded load(CaseDataset dataset, EventStorageEngine storage, int batchSize)
            throws InterruptedException {
        long start = System.nanoTime();
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "bench-event-loader"));
        try {
            Batches batches = new Batches(writer, storage, batchSize);
            dataset.generate(batches::add);
            batches.flush();
            for (Future<?> future : batches.written) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading the dataset into the event store failed", e.getCause());
        } finally {
            writer.shutdownNow();
        }
        return new Loaded(dataset.eventCount(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Writes what the command side's subscribing projections would have written in each request's own transaction
     * (the case's team for access checks, its prison for suspensions): appending straight to the store bypasses them.
     */
    public static void recordCaseReach(JdbcTemplate jdbc) {
        String requests = "FROM domain_event_entry WHERE payload_type = '" + RequestReceived.class.getName() + "'";
        jdbc.update("INSERT INTO case_access (case_id, team) SELECT aggregate_identifier::uuid, "
                + "convert_from(payload, 'UTF8')::json ->> 'team' " + requests + " ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO case_prison (case_id, prison) SELECT aggregate_identifier::uuid, "
                + "convert_from(payload, 'UTF8')::json ->> 'prison' " + requests + " ON CONFLICT DO NOTHING");
    }

    /** Records the made-up identities of these families, encrypted by the app's own personal-data store. */
    static void recordPeople(
            List<Family> families, PersonalDataRecorder personalData, TransactionTemplate transaction) {
        for (int from = 0; from < families.size(); from += 100) {
            List<Family> slice = families.subList(from, Math.min(families.size(), from + 100));
            transaction.executeWithoutResult(
                    status -> slice.forEach(family -> family.people().forEach(personalData::record)));
        }
    }

    /** Events gathered into batches, each appended by the single writer; a failed batch stops the generation. */
    private static final class Batches {

        private final ExecutorService writer;
        private final EventStorageEngine storage;
        private final int batchSize;
        private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
        private final ArrayDeque<Future<?>> written = new ArrayDeque<>();
        private List<EventMessage<?>> current;

        Batches(ExecutorService writer, EventStorageEngine storage, int batchSize) {
            this.writer = writer;
            this.storage = storage;
            this.batchSize = batchSize;
            this.current = new ArrayList<>(batchSize);
        }

        void add(GeneratedEvent event) {
            current.add(event.toMessage());
            if (current.size() == batchSize) {
                flush();
                failFast();
            }
        }

        void flush() {
            if (current.isEmpty()) {
                return;
            }
            List<EventMessage<?>> events = current;
            current = new ArrayList<>(batchSize);
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the dataset", e);
            }
            written.add(writer.submit(() -> {
                try {
                    storage.appendEvents(events);
                } finally {
                    inFlight.release();
                }
            }));
        }

        private void failFast() {
            while (!written.isEmpty() && written.peek().isDone()) {
                try {
                    written.poll().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("loading the dataset into the event store failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading the dataset", e);
                }
            }
        }
    }
}
