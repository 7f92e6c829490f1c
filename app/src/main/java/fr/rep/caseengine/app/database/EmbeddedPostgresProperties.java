package fr.rep.caseengine.app.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDirectory   where PostgreSQL keeps its files; kept across restarts
 * @param port            the port to listen on (loopback only); 0 picks a free one
 * @param settings        further server settings ({@code postgresql.conf} names), e.g. {@code shared_buffers}; the
 *                        durability and access settings are the app's and cannot be given here
 * @param credentialsFile the generated passwords of the database's owner and of the app's role; created on first
 *                        start, readable by its owner only; by default {@code <data directory>-credentials.properties}
 *                        beside the data directory
 */
@ConfigurationProperties("rep.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        Map<String, String> settings,
        Path credentialsFile) {

    /** Settings the app fixes so that an acknowledged event is never lost, and who may connect from where. */
    static final Set<String> FIXED = Set.of(
            "fsync",
            "synchronous_commit",
            "full_page_writes",
            "listen_addresses",
            "unix_socket_directories",
            "password_encryption",
            "hba_file");

    @ConstructorBinding
    EmbeddedPostgresProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        for (String name : settings.keySet()) {
            if (FIXED.contains(name)) {
                throw new IllegalArgumentException("rep.embedded-postgres.settings." + name + " cannot be set: the app "
                        + "keeps fsync, synchronous_commit and full_page_writes on, listens on localhost only and "
                        + "lets only password-authenticated (scram-sha-256) clients in");
            }
        }
        if (credentialsFile == null && dataDirectory != null) {
            Path absolute = dataDirectory.toAbsolutePath();
            credentialsFile = absolute.resolveSibling(absolute.getFileName() + "-credentials.properties");
        }
    }

    EmbeddedPostgresProperties(Path dataDirectory, int port, Map<String, String> settings) {
        this(dataDirectory, port, settings, null);
    }
}
