package fr.rep.caseengine.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL of a projection test class's own, with the query side's migrations, whose connections find the
 * projection's tables through the search path as the app's do. Register it as a static extension field.
 */
public final class ProjectionDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String schema;
    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private JdbcTemplate jdbc;

    public ProjectionDatabase(String schema) {
        this.schema = schema;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration/query")
                .load()
                .migrate();
        // Pooled: a projection runs many statements per event, and opening a connection for each one (the
        // driver's plain data source does) made a seven-test class take five minutes.
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", "public," + schema)));
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        jdbc = new JdbcTemplate(pool);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        pool.close();
        postgres.close();
    }

    /** Connections to the test's database, the projection's schema on their search path. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
