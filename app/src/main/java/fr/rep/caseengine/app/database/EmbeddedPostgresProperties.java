package fr.rep.caseengine.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * @param dataDirectory where PostgreSQL keeps its files; kept across restarts
 * @param port          the port to listen on (loopback only); 0 picks a free one
 * @param settings      further server settings ({@code postgresql.conf} names), e.g. {@code shared_buffers}; the
 *                      durability settings are the app's and cannot be given here
 */
@ConfigurationProperties("rep.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("data/postgres") Path dataDirectory, @DefaultValue("0") int port,
                                  Map<String, String> settings) {

    /** Settings the app fixes so that an acknowledged event is never lost, and where the server listens. */
    static final Set<String> FIXED = Set.of("fsync", "synchronous_commit", "full_page_writes", "listen_addresses");

    EmbeddedPostgresProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        for (String name : settings.keySet()) {
            if (FIXED.contains(name)) {
                throw new IllegalArgumentException("rep.embedded-postgres.settings." + name + " cannot be set: the app "
                        + "keeps fsync, synchronous_commit and full_page_writes on and listens on localhost only");
            }
        }
    }
}
