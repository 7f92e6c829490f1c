package fr.rep.caseengine.app.hashchain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seals the events a transaction appended, just before it commits: under the row lock of {@code event_chain_head},
 * so that one transaction at a time extends the store chain and store positions follow commit order. Rows are read
 * back from the table, so what is sealed is exactly what is stored; only the rows this transaction appended through
 * the engine are sealed, never a row written by other means.
 */
final class EventSealer {

    private static final Logger LOG = LoggerFactory.getLogger(EventSealer.class);

    /** Each appended row with its case predecessor's link when that one is already sealed. */
    static final String SELECT_WITH_PREVIOUS_LINK = "SELECT " + StoredEvent.COLUMNS + """
            , (SELECT c.case_link FROM domain_event_entry p JOIN event_chain c ON c.global_index = p.global_index
               WHERE p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1)
              AS previous_case_link
            FROM domain_event_entry e
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    EventSealer(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** An appended row and the link of its case predecessor, null when that one is not sealed (yet). */
    record Appended(StoredEvent event, byte[] previousCaseLink) {
    }

    /**
     * Seals these events when the current transaction commits, in the same transaction; without a synchronised
     * transaction, right away in a transaction of their own.
     */
    void sealOnCommit(List<String> eventIdentifiers) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            transaction.executeWithoutResult(status -> seal(eventIdentifiers));
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

    /** The events appended by one transaction, sealed by its last act before committing. */
    private final class Pending implements TransactionSynchronization {

        private final Set<String> eventIdentifiers = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            seal(eventIdentifiers);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventSealer.this);
        }
    }

    private void seal(Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        String[] identifiers = eventIdentifiers.toArray(String[]::new);
        List<Appended> appended = jdbc.query(SELECT_WITH_PREVIOUS_LINK
                        + "WHERE e.event_identifier = ANY (?) ORDER BY e.global_index",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar", identifiers)),
                (row, n) -> new Appended(StoredEvent.read(row), row.getBytes("previous_case_link")));
        if (appended.size() != identifiers.length) {
            throw new IllegalStateException("Only " + appended.size() + " of the " + identifiers.length
                    + " events appended by this transaction are in domain_event_entry: cannot seal them");
        }
        sealInOrder(jdbc, appended);
    }

    /**
     * Gives these rows, in this order, the next store positions and their links, and moves the head. Case links do not
     * depend on other transactions and are computed here; the store links are computed by {@code event_chain_extend}
     * under the head's row lock, in one round trip, since the caller's transaction then holds that lock until its
     * commit and every other appending transaction waits for it.
     */
    static void sealInOrder(JdbcTemplate jdbc, List<Appended> rows) {
        MessageDigest sha256 = StoredEvent.sha256();
        Map<String, Head> lastOfCase = new HashMap<>();
        Long[] globalIndexes = new Long[rows.size()];
        String[] eventIdentifiers = new String[rows.size()];
        byte[][] caseLinks = new byte[rows.size()][];
        byte[][] digests = new byte[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            StoredEvent event = rows.get(i).event();
            digests[i] = event.digest(sha256);
            byte[] previousCaseLink = previousCaseLink(rows.get(i), lastOfCase.get(event.aggregateIdentifier()));
            caseLinks[i] = StoredEvent.link(sha256, previousCaseLink, digests[i]);
            globalIndexes[i] = event.globalIndex();
            eventIdentifiers[i] = event.eventIdentifier();
            lastOfCase.put(event.aggregateIdentifier(), new Head(event.sequenceNumber(), caseLinks[i]));
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement extend = connection.prepareStatement("SELECT event_chain_extend(?, ?, ?, ?)")) {
                extend.setArray(1, connection.createArrayOf("bigint", globalIndexes));
                extend.setArray(2, connection.createArrayOf("varchar", eventIdentifiers));
                extend.setArray(3, connection.createArrayOf("bytea", caseLinks));
                extend.setArray(4, connection.createArrayOf("bytea", digests));
                try (ResultSet position = extend.executeQuery()) {
                    position.next();
                    return position.getLong(1);
                }
            }
        });
    }

    private static byte[] previousCaseLink(Appended row, Head sealedJustBefore) {
        StoredEvent event = row.event();
        if (event.sequenceNumber() == 0) {
            return StoredEvent.GENESIS;
        }
        if (sealedJustBefore != null && sealedJustBefore.position() == event.sequenceNumber() - 1) {
            return sealedJustBefore.link();
        }
        if (row.previousCaseLink() != null) {
            return row.previousCaseLink();
        }
        // Only a row written outside the engine (or lost) leaves a predecessor unsealed; verification names it.
        LOG.error("Sealing {}: its predecessor #{} in {} is missing or unsealed; its case link follows zero bytes",
                event, event.sequenceNumber() - 1, event.aggregateIdentifier());
        return StoredEvent.GENESIS;
    }

    /** A position (store position, or a case's sequence number) and its link. */
    record Head(long position, byte[] link) {
    }
}
