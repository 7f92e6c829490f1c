package fr.rep.caseengine.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * @param dataDirectory where PostgreSQL keeps its files; kept across restarts
 * @param port          the port to listen on (loopback only); 0 picks a free one
 */
@ConfigurationProperties("rep.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("data/postgres") Path dataDirectory, @DefaultValue("0") int port) {
}
