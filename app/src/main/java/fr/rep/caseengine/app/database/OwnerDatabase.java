package fr.rep.caseengine.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.StringUtils;

/**
 * A connection to the app's database as its owner, for a command run beside or instead of the service (backup):
 * {@code spring.datasource.url} with {@code spring.datasource.username} / {@code password} when set (that account must
 * read every table); otherwise the embedded PostgreSQL of {@code rep.embedded-postgres.data-directory} — the server a
 * running app started on it if there is one (found through its {@code postmaster.pid}), else one started here on the
 * directory and stopped by {@link #close()}.
 */
public final class OwnerDatabase implements AutoCloseable {

    /** The schemas the app's migrations create: {@code public} and each projection's. */
    public static final Set<String> APP_SCHEMAS = Stream.concat(
                    Stream.of("public"), AppRolePrivileges.PROJECTION_SCHEMAS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private final DataSource dataSource;
    private final String description;
    private final EmbeddedPostgres startedHere;

    private OwnerDatabase(DataSource dataSource, String description, EmbeddedPostgres startedHere) {
        this.dataSource = dataSource;
        this.description = description;
        this.startedHere = startedHere;
    }

    /** Opens the database the app configured with these settings would use; it must exist already. */
    public static OwnerDatabase open(Binder settings) {
        Optional<String> url = Optional.ofNullable(
                        settings.bind("spring.datasource.url", String.class).orElse(null))
                .filter(StringUtils::hasText);
        if (url.isPresent()) {
            PGSimpleDataSource external = new PGSimpleDataSource();
            external.setUrl(url.get());
            settings.bind("spring.datasource.username", String.class).ifBound(external::setUser);
            settings.bind("spring.datasource.password", String.class).ifBound(external::setPassword);
            return new OwnerDatabase(external, url.get(), null);
        }
        EmbeddedPostgresProperties properties =
                settings.bindOrCreate("rep.embedded-postgres", EmbeddedPostgresProperties.class);
        Path directory = properties.dataDirectory().toAbsolutePath();
        if (!Files.exists(directory.resolve("PG_VERSION")) || !Files.exists(properties.credentialsFile())) {
            throw new IllegalStateException("No embedded database in " + directory + " (with its credentials in "
                    + properties.credentialsFile() + "); give rep.embedded-postgres.data-directory, or "
                    + "spring.datasource.url for an external PostgreSQL");
        }
        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(properties.credentialsFile());
        Optional<Integer> running = LeftOverServer.portOfRunningServer(directory);
        if (running.isPresent()) {
            return new OwnerDatabase(
                    owner(running.get(), credentials),
                    "the embedded PostgreSQL running on " + directory + " (port " + running.get() + ")",
                    null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(properties, credentials, 0);
        return new OwnerDatabase(
                owner(postgres.getPort(), credentials),
                "the embedded PostgreSQL of " + directory + ", started for this command",
                postgres);
    }

    private static DataSource owner(int port, DatabaseCredentials credentials) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setServerNames(new String[] {"localhost"});
        owner.setPortNumbers(new int[] {port});
        owner.setDatabaseName("postgres");
        owner.setUser(EmbeddedPostgresConfiguration.OWNER);
        owner.setPassword(credentials.ownerPassword());
        return owner;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Which database this is, for the command's output (no password). */
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
