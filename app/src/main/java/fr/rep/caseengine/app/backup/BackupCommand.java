package fr.rep.caseengine.app.backup;

import fr.rep.caseengine.app.database.OwnerDatabase;
import fr.rep.caseengine.app.personaldata.MasterKeyLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * {@code java -jar case-engine.jar backup DIR [--rep.embedded-postgres.data-directory=...]
 * [--spring.datasource.url=... --spring.datasource.username=... --spring.datasource.password=...]}: copies every table
 * of the app's database into {@code DIR} as of one instant, while the service runs or not, and answers 0 when the
 * backup is complete, 2 when it is not.
 * <p>
 * One read-only transaction at the repeatable-read level reads every table, so the copy is the database as one
 * snapshot saw it: the events, their hash chains, the views and their processors' positions agree. It is a logical
 * copy (the rows, not the files), so it carries none of the dead rows an erasure left in the table files and the
 * write-ahead log. It never holds the master key: {@code DIR} may be neither the key's directory nor one around it.
 */
public final class BackupCommand {

    /** The first command-line argument that selects this command instead of the service. */
    public static final String NAME = "backup";

    static final int DONE = 0;
    static final int FAILED = 2;
    private static final String TABLES = "tables";
    private static final String MIGRATION_HISTORY = "flyway_schema_history";

    private BackupCommand() {}

    /** Runs the backup; returns the process's exit status. */
    public static int run(String... args) {
        return run(System.err, args);
    }

    static int run(PrintStream out, String... args) {
        CommandArguments arguments = CommandArguments.of(args);
        List<String> directories = arguments.directories();
        if (directories.size() != 1) {
            out.println("Usage: java -jar case-engine.jar backup DIR [--rep.embedded-postgres.data-directory=...]");
            return FAILED;
        }
        Binder settings = arguments.settings();
        Path directory = Path.of(directories.get(0)).toAbsolutePath().normalize();
        try {
            refuseBesideTheMasterKey(directory, MasterKeyLocation.of(settings));
            createEmpty(directory);
            try (OwnerDatabase database = OwnerDatabase.open(settings)) {
                BackupManifest manifest = copy(database, directory);
                long rows = manifest.tables().stream()
                        .mapToLong(BackupManifest.Table::rows)
                        .sum();
                out.println("Backup of " + database.description() + " written to " + directory + ": "
                        + manifest.tables().size() + " tables, " + rows + " rows, as of " + manifest.takenAt()
                        + " (schema " + manifest.schemaVersion() + "). The master key is not in it: back it up "
                        + "apart (docs/operations.md).");
                return DONE;
            }
        } catch (Exception e) {
            out.println("Backup failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** A backup beside the master key would make the key's separate keeping pointless. */
    static void refuseBesideTheMasterKey(Path directory, Path masterKey) {
        Path keyDirectory = masterKey.getParent();
        if (directory.startsWith(keyDirectory) || keyDirectory.startsWith(directory)) {
            throw new IllegalArgumentException(directory + " is, or holds, the master key's directory " + keyDirectory
                    + ": a backup is never kept with the key that decrypts it");
        }
    }

    private static void createEmpty(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(directory + " is not empty: a backup goes into a new directory");
                }
            }
        }
        privateDirectory(directory);
        privateDirectory(directory.resolve(TABLES));
    }

    private static void privateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Nothing finer to set outside POSIX file systems.
        }
    }

    private static BackupManifest copy(OwnerDatabase database, Path directory) throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            Timestamp takenAt = single(connection, "SELECT now()", Timestamp.class);
            String version = single(
                    connection,
                    "SELECT version FROM " + MIGRATION_HISTORY
                            + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1",
                    String.class);
            CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String[] table : tables(connection)) {
                tables.add(copyTable(connection, copies, directory, table[0], table[1]));
            }
            List<BackupManifest.Sequence> sequences = sequences(connection);
            connection.commit();
            BackupManifest manifest =
                    new BackupManifest(BackupManifest.FORMAT, takenAt.toInstant(), version, tables, sequences);
            manifest.write(directory);
            sync(directory.resolve(BackupManifest.FILE));
            return manifest;
        }
    }

    private static List<String[]> tables(Connection connection) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname = ANY (?) AND c.relname <> ?
                ORDER BY n.nspname = 'public' DESC, n.nspname, c.relname""")) {
            query.setArray(1, connection.createArrayOf("text", OwnerDatabase.APP_SCHEMAS.toArray()));
            query.setString(2, MIGRATION_HISTORY);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return tables;
    }

    private static BackupManifest.Table copyTable(
            Connection connection, CopyManager copies, Path directory, String schema, String name)
            throws SQLException, IOException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped
                    AND attgenerated = '' ORDER BY attnum""")) {
            query.setString(1, BackupManifest.quoted(schema) + "." + BackupManifest.quoted(name));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        String file = TABLES + "/" + schema + "." + name + ".copy";
        BackupManifest.Table table = new BackupManifest.Table(schema, name, columns, 0, file, null);
        MessageDigest sha256 = sha256();
        Path path = directory.resolve(file);
        long rows;
        try (OutputStream out = new DigestOutputStream(
                Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), sha256)) {
            rows = copies.copyOut("COPY " + table.qualified() + " (" + table.columnList() + ") TO STDOUT", out);
        }
        sync(path);
        return new BackupManifest.Table(
                schema, name, columns, rows, file, HexFormat.of().formatHex(sha256.digest()));
    }

    private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT schemaname, sequencename, last_value FROM pg_sequences WHERE schemaname = ANY (?)
                ORDER BY 1, 2""")) {
            query.setArray(1, connection.createArrayOf("text", OwnerDatabase.APP_SCHEMAS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long last = rows.getLong(3);
                    Long lastValue = rows.wasNull() ? null : last;
                    sequences.add(new BackupManifest.Sequence(rows.getString(1), rows.getString(2), lastValue));
                }
            }
        }
        return sequences;
    }

    private static <T> T single(Connection connection, String sql, Class<T> type) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new SQLException("No answer to " + sql + ": is this the app's database?");
            }
            return row.getObject(1, type);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
