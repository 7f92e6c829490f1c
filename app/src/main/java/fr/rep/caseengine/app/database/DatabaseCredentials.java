package fr.rep.caseengine.app.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's two passwords, generated on first start and kept like the personal-data master key: a file
 * created readable and writable by its owner only, never logged, outside the data directory (so that a copy of the
 * data directory does not carry them).
 *
 * @param ownerPassword the superuser {@code postgres}'s, who owns the schema and runs the migrations
 * @param appPassword   the app's role's ({@link EmbeddedPostgresConfiguration#APP_ROLE})
 */
record DatabaseCredentials(String ownerPassword, String appPassword) {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCredentials.class);
    private static final String OWNER = "owner-password";
    private static final String APP = "app-password";

    @Override
    public String toString() {
        return "DatabaseCredentials[passwords hidden]";
    }

    static DatabaseCredentials loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!Files.exists(absolute)) {
                create(absolute);
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String owner = properties.getProperty(OWNER);
            String app = properties.getProperty(APP);
            if (owner == null || owner.isBlank() || app == null || app.isBlank()) {
                throw new IllegalStateException(
                        "The embedded PostgreSQL's credentials file " + absolute + " lacks " + OWNER + " or " + APP);
            }
            return new DatabaseCredentials(owner, app);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read or create the embedded PostgreSQL's credentials file " + absolute + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Properties properties = new Properties();
        properties.setProperty(OWNER, generated());
        properties.setProperty(APP, generated());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(
                    writer, "Embedded PostgreSQL passwords (docs/security.md). Keep with the master key's care.");
        }
        LOG.info("Created the embedded PostgreSQL's credentials in {}", file);
    }

    /** 256 random bits, URL-safe Base64: nothing to quote in SQL, a connection URL or a pwfile. */
    private static String generated() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
