package fr.rep.caseengine.app.hashchain;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the events a transaction appended into their cases' chains, just before it commits, and wakes the store
 * sealer once it has committed. Rows are read back from the table, so what is chained is exactly what is stored; only
 * the rows this transaction appended through the engine are chained, never a row written by other means.
 * <p>
 * Each row gets its {@code event_chain} row here, pending: its row digest and case link, no store position. No lock
 * is taken on the store chain's head, so appending transactions commit concurrently; appends to one case take turns
 * from their append to their commit ({@link CaseAppendLock}), so a row's predecessor is committed, or appended by the
 * same transaction, when the row is chained. The {@link StoreChainSealer} extends the store chain after commit.
 */
final class EventSealer {

    private static final Logger LOG = LoggerFactory.getLogger(EventSealer.class);

    /** Each appended row with its case predecessor's link (its chain row is there, sealed or pending). */
    static final String SELECT_WITH_PREVIOUS_LINK = "SELECT " + StoredEvent.COLUMNS + """
            , (SELECT c.case_link FROM domain_event_entry p JOIN event_chain c ON c.global_index = p.global_index
               WHERE p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1)
              AS previous_case_link
            FROM domain_event_entry e
            """;

    private static final String INSERT_PENDING = """
            INSERT INTO event_chain (global_index, event_identifier, case_link, digest)
            SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::bytea[], ?::bytea[])""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StoreChainSealer storeSealer;

    EventSealer(JdbcTemplate jdbc, TransactionTemplate transaction, StoreChainSealer storeSealer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.storeSealer = storeSealer;
    }

    /** An appended row and the link of its case predecessor, null when that one has no chain row. */
    record Appended(StoredEvent event, byte[] previousCaseLink) {}

    /** Rows in global order with their row digests and case links, as written into {@code event_chain}. */
    record Chained(Long[] globalIndexes, String[] eventIdentifiers, byte[][] caseLinks, byte[][] digests) {}

    /**
     * Chains these events into their cases when the current transaction commits, in the same transaction, and wakes
     * the store sealer after the commit; without a synchronised transaction, right away in a transaction of their own.
     */
    void sealOnCommit(List<String> eventIdentifiers) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            transaction.executeWithoutResult(status -> chain(eventIdentifiers));
            storeSealer.signal();
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.eventIdentifiers.addAll(eventIdentifiers);
    }

    /** The events appended by one transaction: case-chained by its last act before committing. */
    private final class Pending implements TransactionSynchronization {

        private final Set<String> eventIdentifiers = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            chain(eventIdentifiers);
        }

        @Override
        public void afterCommit() {
            storeSealer.signal();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventSealer.this);
        }
    }

    private void chain(Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        String[] identifiers = eventIdentifiers.toArray(String[]::new);
        List<Appended> appended = jdbc.query(
                SELECT_WITH_PREVIOUS_LINK + "WHERE e.event_identifier = ANY (?) ORDER BY e.global_index",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", identifiers)),
                (row, n) -> new Appended(StoredEvent.read(row), row.getBytes("previous_case_link")));
        if (appended.size() != identifiers.length) {
            throw new IllegalStateException("Only " + appended.size() + " of the " + identifiers.length
                    + " events appended by this transaction are in domain_event_entry: cannot seal them");
        }
        Chained chained = caseLinks(appended, true);
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT_PENDING);
            setArrays(connection, insert, chained);
            return insert;
        });
    }

    /** The four arrays of {@code chained} as the statement's parameters 1 to 4. */
    static void setArrays(Connection connection, PreparedStatement statement, Chained chained) throws SQLException {
        statement.setArray(1, connection.createArrayOf("bigint", chained.globalIndexes()));
        statement.setArray(2, connection.createArrayOf("varchar", chained.eventIdentifiers()));
        statement.setArray(3, connection.createArrayOf("bytea", chained.caseLinks()));
        statement.setArray(4, connection.createArrayOf("bytea", chained.digests()));
    }

    /**
     * The row digest and case link of each row, in this order: case links do not depend on other transactions. A row
     * follows its case's previous row in this list, else its predecessor's stored link. A row whose predecessor is not
     * in the store, or has no link, is never chained from zero bytes when {@code requirePredecessors}: the
     * transaction's append is then a conflict, to retry once the case is read again (the append holds the case's lock,
     * so this is a predecessor rolled back, removed or written outside the engine). Otherwise (the migration sealing a
     * store written before the chain existed, which cannot retry) it follows zero bytes, logged as an error, and
     * verification reports the gap.
     */
    static Chained caseLinks(List<Appended> rows, boolean requirePredecessors) {
        MessageDigest sha256 = StoredEvent.sha256();
        Map<String, Head> lastOfCase = new HashMap<>();
        Long[] globalIndexes = new Long[rows.size()];
        String[] eventIdentifiers = new String[rows.size()];
        byte[][] caseLinks = new byte[rows.size()][];
        byte[][] digests = new byte[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            StoredEvent event = rows.get(i).event();
            digests[i] = event.digest(sha256);
            byte[] previousCaseLink =
                    previousCaseLink(rows.get(i), lastOfCase.get(event.aggregateIdentifier()), requirePredecessors);
            caseLinks[i] = StoredEvent.link(sha256, previousCaseLink, digests[i]);
            globalIndexes[i] = event.globalIndex();
            eventIdentifiers[i] = event.eventIdentifier();
            lastOfCase.put(event.aggregateIdentifier(), new Head(event.sequenceNumber(), caseLinks[i]));
        }
        return new Chained(globalIndexes, eventIdentifiers, caseLinks, digests);
    }

    private static byte[] previousCaseLink(Appended row, Head chainedJustBefore, boolean required) {
        StoredEvent event = row.event();
        if (event.sequenceNumber() == 0) {
            return StoredEvent.GENESIS;
        }
        if (chainedJustBefore != null && chainedJustBefore.position() == event.sequenceNumber() - 1) {
            return chainedJustBefore.link();
        }
        if (row.previousCaseLink() != null) {
            return row.previousCaseLink();
        }
        if (required) {
            throw new ConcurrencyException("Cannot chain " + event + ": its predecessor #"
                    + (event.sequenceNumber() - 1) + " in " + event.aggregateIdentifier() + " is not in the store or "
                    + "has no case link (rolled back, removed or written outside the engine); the case must be read "
                    + "again");
        }
        LOG.error(
                "Chaining {}: its predecessor #{} in {} is missing or unchained; its case link follows zero bytes",
                event,
                event.sequenceNumber() - 1,
                event.aggregateIdentifier());
        return StoredEvent.GENESIS;
    }

    /** A position (store position, or a case's sequence number) and its link. */
    record Head(long position, byte[] link) {}
}
