package fr.rep.caseengine.app.hashchain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Seals, once, the events stored before the chain existed (databases of version 2026.11.26.55 and earlier), in global
 * order, in the migration's transaction: the app appends nothing before its migrations are done, so every unsealed row
 * at this point was written by the engine. SHA-256 over the canonical encoding needs Java, hence a Java migration.
 */
final class SealEventsWrittenBeforeTheChain implements JavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SealEventsWrittenBeforeTheChain.class);
    private static final int CHUNK = 5_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.11.26.56");
    }

    @Override
    public String getDescription() {
        return "seal events written before the chain";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        long sealed = 0;
        List<EventSealer.Appended> chunk;
        do {
            chunk = jdbc.query(
                    EventSealer.SELECT_WITH_PREVIOUS_LINK + """
                            WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.global_index)
                            ORDER BY e.global_index LIMIT ?""",
                    (row, n) -> new EventSealer.Appended(StoredEvent.read(row), row.getBytes("previous_case_link")),
                    CHUNK);
            if (!chunk.isEmpty()) {
                sealInOrder(jdbc, chunk);
                sealed += chunk.size();
            }
        } while (chunk.size() == CHUNK);
        if (sealed > 0) {
            LOG.info("Sealed the {} events stored before the hash chain existed", sealed);
        }
    }

    /**
     * Gives these rows, in this order, their case links and the next store positions and links at once, and moves the
     * head: {@code event_chain_extend} computes the store links under the head's row lock in one round trip. The
     * engine's appends no longer seal this way (they leave their rows pending for the {@link StoreChainSealer}); this
     * migration runs before the app appends anything, on the schema of its own version.
     */
    static void sealInOrder(JdbcTemplate jdbc, List<EventSealer.Appended> rows) {
        EventSealer.Chained chained = EventSealer.caseLinks(rows, false);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement extend = connection.prepareStatement("SELECT event_chain_extend(?, ?, ?, ?)")) {
                EventSealer.setArrays(connection, extend, chained);
                try (ResultSet position = extend.executeQuery()) {
                    position.next();
                    return position.getLong(1);
                }
            }
        });
    }
}
