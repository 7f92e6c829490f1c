package fr.rep.caseengine.app.personaldata;

import java.time.Clock;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Hashes, once, the last names of the people recorded before last-name search existed (databases of version
 * 2026.12.03.86 and earlier): their names are only in their encrypted details, so it takes the master key and Java,
 * hence a Java migration, in the migration's transaction, before the app records anyone.
 */
final class HashLastNamesRecordedBefore implements JavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(HashLastNamesRecordedBefore.class);

    private final PersonalDataProperties properties;
    private final Clock clock;

    HashLastNamesRecordedBefore(PersonalDataProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.12.03.87");
    }

    @Override
    public String getDescription() {
        return "hash the last names recorded before last-name search";
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
        int hashed = new EncryptedPersonalDataStore(
                        jdbc, WrappingKeys.open(properties.masterKeyFile(), jdbc, Optional.empty()), clock)
                .hashLastNamesRecordedBefore();
        if (hashed > 0) {
            LOG.info("Hashed the last names of the {} people recorded before last-name search", hashed);
        }
    }
}
