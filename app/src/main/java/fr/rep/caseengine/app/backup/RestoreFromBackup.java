package fr.rep.caseengine.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * With {@value #PROPERTY} set (the {@code restore} command sets it), the migrations at start restore that backup into
 * the database, which must be empty: they migrate it to the backup's schema version, load every table's rows (each
 * file checked against the manifest's SHA-256 as it is read) as the
 * owner with triggers off (the rows were checked by them when first written, and the append-only ones would refuse a
 * load into a table a migration seeded), set the sequences back, and then apply this version's later migrations. All
 * the rows are loaded in one transaction: a failed restore leaves no half-loaded table.
 */
@Component
@ConditionalOnProperty(RestoreFromBackup.PROPERTY)
class RestoreFromBackup implements FlywayMigrationStrategy {

    static final String PROPERTY = "rep.restore.from";
    private static final Logger LOG = LoggerFactory.getLogger(RestoreFromBackup.class);

    private final Path directory;

    RestoreFromBackup(@Value("${" + PROPERTY + "}") Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void migrate(Flyway flyway) {
        try {
            BackupManifest manifest = BackupManifest.read(directory);
            if (flyway.info().applied().length > 0) {
                throw new IllegalStateException("The database to restore into is not empty (migrations were applied "
                        + "to it): restore into a new data directory or an empty database");
            }
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .target(MigrationVersion.fromVersion(manifest.schemaVersion()))
                    .load()
                    .migrate();
            long rows = load(flyway, manifest);
            flyway.migrate();
            LOG.warn(
                    "Restored the backup of {} from {}: {} tables, {} rows; migrations after its schema version {} "
                            + "applied",
                    manifest.takenAt(),
                    directory,
                    manifest.tables().size(),
                    rows,
                    manifest.schemaVersion());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore the backup in " + directory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore the backup in " + directory + ": " + e.getMessage(), e);
        }
    }

    private long load(Flyway flyway, BackupManifest manifest) throws SQLException, IOException {
        long total = 0;
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
            }
            CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : manifest.tables()) {
                try (Statement statement = connection.createStatement()) {
                    // What the migrations seeded (a chain's head, a horizon) is replaced by the backup's rows.
                    statement.execute("DELETE FROM " + table.qualified());
                }
                long rows;
                MessageDigest sha256 = BackupCommand.sha256();
                try (InputStream in =
                        new DigestInputStream(Files.newInputStream(directory.resolve(table.file())), sha256)) {
                    rows = copies.copyIn("COPY " + table.qualified() + " (" + table.columnList() + ") FROM STDIN", in);
                }
                // Checked as it is read: a file not as the backup wrote it rolls the whole load back.
                if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
                    throw new IOException(table.file() + " is not the file the backup wrote (its SHA-256 differs)");
                }
                if (rows != table.rows()) {
                    throw new SQLException(
                            table.qualified() + ": " + rows + " rows loaded, the backup holds " + table.rows());
                }
                total += rows;
            }
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                if (sequence.lastValue() != null) {
                    try (PreparedStatement setval =
                            connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                        setval.setString(
                                1,
                                BackupManifest.quoted(sequence.schema()) + "."
                                        + BackupManifest.quoted(sequence.name()));
                        setval.setLong(2, sequence.lastValue());
                        try (ResultSet ignored = setval.executeQuery()) {
                            // Only its effect matters.
                        }
                    }
                }
            }
            connection.commit();
        }
        return total;
    }
}
