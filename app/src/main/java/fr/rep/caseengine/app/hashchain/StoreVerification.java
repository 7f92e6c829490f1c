package fr.rep.caseengine.app.hashchain;

import fr.rep.caseengine.app.hashchain.VerificationReport.BrokenLink;
import fr.rep.caseengine.app.hashchain.VerificationReport.ChainHead;
import fr.rep.caseengine.app.hashchain.VerificationReport.NotedHeadCheck;
import fr.rep.caseengine.app.hashchain.VerificationReport.Problem;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Walks the event store in store order and recomputes both chains: each row's links from its predecessors' stored
 * links, so that one break is reported once and the walk goes on to count the others. Then the rows awaiting their
 * store seal (case-chained by their append, not yet given a store position by the {@link StoreChainSealer}), in global
 * order: they are counted as such, not as broken, and their content, digest and case links are checked all the same.
 * Then the rows with no chain row at all (written outside the engine), and the head. One read-only, repeatable-read
 * transaction sees one state of the store; rows stream through a cursor, bytea in binary format.
 */
public final class StoreVerification {

    private static final int FETCH_SIZE = 10_000;
    private static final int REPORT_EVERY = 1_000;
    private static final String WALK = "SELECT c.store_position, c.global_index AS sealed_global_index, "
            + "c.event_identifier AS sealed_event_identifier, c.case_link, c.store_link, c.digest, "
            + StoredEvent.COLUMNS + """
             FROM event_chain c LEFT JOIN domain_event_entry e ON e.global_index = c.global_index
            """;
    private static final String SEALED = WALK + "WHERE c.store_position IS NOT NULL ORDER BY c.store_position";
    private static final String AWAITING_STORE_SEAL = WALK + "WHERE c.store_position IS NULL ORDER BY c.global_index";
    private static final String UNSEALED = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number
            FROM domain_event_entry e
            WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)
            ORDER BY e.global_index""";

    private final DataSource dataSource;
    private final Clock clock;

    public StoreVerification(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A store position and its store link, as an auditor noted them from an earlier report. */
    public record NotedHead(long position, byte[] storeLink) {}

    /** Told how far a walk has gone: rows walked of the rows the store held when the walk began. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (walked, total) -> {};

        void walked(long walked, long total);
    }

    public VerificationReport verify(Optional<NotedHead> noted) {
        return verify(noted, Progress.NONE);
    }

    /** Walks as {@link #verify(Optional)} does, telling {@code progress} every {@value #REPORT_EVERY} rows. */
    public VerificationReport verify(Optional<NotedHead> noted, Progress progress) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Walk walk = new Walk(noted.orElse(null), progress, total(connection));
                walk.chainedRows(connection, SEALED);
                walk.chainedRows(connection, AWAITING_STORE_SEAL);
                walk.unsealedRows(connection);
                ChainHead head = walk.head(connection);
                NotedHeadCheck notedHead = walk.notedHeadCheck();
                return new VerificationReport(
                        walk.problems == 0,
                        startedAt,
                        walk.events,
                        walk.awaitingStoreSeal,
                        walk.cases.size(),
                        (System.nanoTime() - start) / 1_000_000,
                        head,
                        walk.problems,
                        walk.first,
                        notedHead);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store to verify it: " + e.getMessage(), e);
        }
    }

    /** The rows the walk will read, in the same snapshot: the chain's rows and the store's rows without one. */
    private static long total(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT count(*) FROM event_chain) + (SELECT count(*) FROM domain_event_entry e
                    WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index))""");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The state of one walk: the last link of each case and of the store, and what was found wrong. */
    private static final class Walk {

        private final MessageDigest sha256 = StoredEvent.sha256();
        private final Map<String, EventSealer.Head> cases = new HashMap<>();
        private final NotedHead noted;
        private final Progress progress;
        private final long total;
        private long walked;
        private byte[] notedFound;
        private long lastPosition;
        private byte[] lastStoreLink = StoredEvent.GENESIS;
        private long events;
        private long awaitingStoreSeal;
        private long problems;
        private BrokenLink first;

        Walk(NotedHead noted, Progress progress, long total) {
            this.noted = noted;
            this.progress = progress;
            this.total = total;
            progress.walked(0, total);
        }

        private void walkedOne() {
            walked++;
            if (walked % REPORT_EVERY == 0 || walked == total) {
                progress.walked(walked, Math.max(walked, total));
            }
        }

        void chainedRows(Connection connection, String query) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        check(row);
                        walkedOne();
                    }
                }
            }
        }

        private void check(ResultSet row) throws SQLException {
            long sealedIndex = row.getLong("sealed_global_index");
            String sealedIdentifier = row.getString("sealed_event_identifier");
            byte[] caseLink = row.getBytes("case_link");
            long storePosition = row.getLong("store_position");
            Long position = row.wasNull() ? null : storePosition;
            boolean follows = position == null || position == lastPosition + 1;
            byte[] previousStoreLink = lastStoreLink;
            if (position != null) {
                if (!follows) {
                    found(
                            Problem.POSITION_MISSING,
                            position,
                            sealedIndex,
                            sealedIdentifier,
                            null,
                            null,
                            "store positions " + (lastPosition + 1)
                                    + (position - 1 > lastPosition + 1 ? " to " + (position - 1) : "")
                                    + " are missing: their links were removed");
                }
                lastPosition = position;
                lastStoreLink = row.getBytes("store_link");
                if (noted != null && position == noted.position()) {
                    notedFound = lastStoreLink;
                }
            }
            String where = position == null ? "awaiting its store seal" : "sealed at store position " + position;
            if (row.getString("event_identifier") == null) {
                found(
                        Problem.DELETED,
                        position,
                        sealedIndex,
                        sealedIdentifier,
                        null,
                        null,
                        "event " + sealedIdentifier + ", " + (position == null ? "case-chained" : "sealed")
                                + " at global index " + sealedIndex + ", is no longer in the store");
                return;
            }
            StoredEvent event = StoredEvent.read(row);
            events++;
            if (position == null) {
                awaitingStoreSeal++;
            }
            if (!event.eventIdentifier().equals(sealedIdentifier)) {
                found(
                        Problem.MOVED,
                        position,
                        event,
                        "global index " + sealedIndex + " holds event "
                                + event.eventIdentifier() + " where event " + sealedIdentifier + " was "
                                + (position == null ? "case-chained" : "sealed"));
                return;
            }
            byte[] digest = event.digest(sha256);
            EventSealer.Head caseBefore =
                    cases.put(event.aggregateIdentifier(), new EventSealer.Head(event.sequenceNumber(), caseLink));
            if (position != null
                    && follows
                    && !Arrays.equals(StoredEvent.link(sha256, previousStoreLink, digest), lastStoreLink)) {
                found(
                        Problem.ALTERED,
                        position,
                        event,
                        "the stored row differs from the one " + where + " (or its store link was changed)");
                return;
            }
            if (position == null && !Arrays.equals(digest, row.getBytes("digest"))) {
                found(
                        Problem.ALTERED,
                        null,
                        event,
                        "the stored row differs from the one " + where + " (or its digest was changed)");
                return;
            }
            long expectedSequence = caseBefore == null ? 0 : caseBefore.position() + 1;
            if (event.sequenceNumber() > expectedSequence) {
                found(
                        Problem.CASE_EVENT_MISSING,
                        position,
                        event,
                        event.aggregateIdentifier() + " goes from #"
                                + (expectedSequence - 1) + " to #" + event.sequenceNumber() + ": events #"
                                + expectedSequence
                                + (event.sequenceNumber() - 1 > expectedSequence
                                        ? " to #" + (event.sequenceNumber() - 1)
                                        : "")
                                + " are missing");
            } else if (event.sequenceNumber() < expectedSequence) {
                found(
                        Problem.OUT_OF_ORDER,
                        position,
                        event,
                        "#" + event.sequenceNumber() + " of " + event.aggregateIdentifier() + " comes after #"
                                + caseBefore.position() + " in store order");
            } else {
                byte[] previousCaseLink = caseBefore == null ? StoredEvent.GENESIS : caseBefore.link();
                if (!Arrays.equals(StoredEvent.link(sha256, previousCaseLink, digest), caseLink)) {
                    found(
                            Problem.ALTERED,
                            position,
                            event,
                            "the case link of " + event.aggregateIdentifier() + " #" + event.sequenceNumber()
                                    + " does not follow from its content and its predecessor's");
                }
            }
        }

        void unsealedRows(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(UNSEALED)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        walkedOne();
                        found(
                                Problem.UNSEALED,
                                null,
                                row.getLong("global_index"),
                                row.getString("event_identifier"),
                                row.getString("aggregate_identifier"),
                                row.getLong("sequence_number"),
                                "this row has no link: it was written into domain_event_entry outside the engine");
                    }
                }
            }
        }

        ChainHead head(Connection connection) throws SQLException {
            try (PreparedStatement statement =
                            connection.prepareStatement("SELECT store_position, store_link FROM event_chain_head");
                    ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    found(Problem.HEAD_MISMATCH, null, null, null, null, null, "event_chain_head has no row");
                    return null;
                }
                ChainHead head =
                        new ChainHead(row.getLong("store_position"), StoredEvent.hex(row.getBytes("store_link")));
                if (head.position() != lastPosition || !head.storeLink().equals(StoredEvent.hex(lastStoreLink))) {
                    found(
                            Problem.HEAD_MISMATCH,
                            head.position(),
                            null,
                            null,
                            null,
                            null,
                            "event_chain_head says "
                                    + "position " + head.position() + ", link " + head.storeLink()
                                    + "; the chain ends at "
                                    + "position " + lastPosition + ", link " + StoredEvent.hex(lastStoreLink));
                }
                return head;
            }
        }

        NotedHeadCheck notedHeadCheck() {
            if (noted == null) {
                return null;
            }
            boolean matches = Arrays.equals(noted.storeLink(), notedFound);
            NotedHeadCheck check = new NotedHeadCheck(
                    noted.position(), StoredEvent.hex(noted.storeLink()), StoredEvent.hex(notedFound), matches);
            if (!matches) {
                found(
                        Problem.NOTED_HEAD_MISMATCH,
                        noted.position(),
                        null,
                        null,
                        null,
                        null,
                        notedFound == null
                                ? "the chain has no store position " + noted.position() + " any more"
                                : "the store link at position " + noted.position()
                                        + " is not the one noted: the chain was " + "rewritten since");
            }
            return check;
        }

        private void found(Problem problem, Long position, StoredEvent event, String detail) {
            found(
                    problem,
                    position,
                    event.globalIndex(),
                    event.eventIdentifier(),
                    event.aggregateIdentifier(),
                    event.sequenceNumber(),
                    detail);
        }

        private void found(
                Problem problem,
                Long position,
                Long globalIndex,
                String eventIdentifier,
                String aggregateIdentifier,
                Long sequenceNumber,
                String detail) {
            problems++;
            if (first == null) {
                first = new BrokenLink(
                        problem, position, globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, detail);
            }
        }
    }
}
