package fr.rep.caseengine.app;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.security.AccountStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set, the app uses that server and starts no PostgreSQL of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path data;

    @Test
    void a_configured_datasource_url_is_used_instead_of_the_embedded_database() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseEngineApplication.class)
                     .run("--server.port=0",
                             "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                             "--spring.datasource.username=postgres",
                             "--rep.embedded-postgres.data-directory=" + data.resolve("never-used"),
                             "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"))) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(Files.exists(data.resolve("never-used"))).isFalse();

            String port = app.getEnvironment().getProperty("local.server.port");
            CaseApi api = CaseApi.caseworker(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                    app.getBean(AccountStore.class));
            String caseId = api.openCase().read("$.caseId");

            Long stored = new JdbcTemplate(external.getPostgresDatabase()).queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId);
            assertThat(stored).isEqualTo(1);
        }
    }
}
