package fr.rep.caseengine.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data directory made by an earlier version (zonky's initdb with {@code trust}, the app connected as the superuser,
 * every table owned by it) is brought to passwords and the app's own role on its first start with this version, in
 * place, keeping its data; the passwords are never logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class LegacyDataDirectoryIT {

    @TempDir
    Path data;

    @Test
    void a_data_directory_of_an_earlier_version_is_upgraded_in_place_on_its_first_start(CapturedOutput output)
            throws Exception {
        Path directory = data.resolve("postgres");
        String caseId;
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseEngineApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + earlier.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                                "--rep.demo-data.enabled=false")) {
            caseId = api(app).openCase().read("$.caseId");
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).contains("trust");

        try (ConfigurableApplicationContext app = start(directory)) {
            assertThat(api(app).get("/api/cases/" + caseId).getStatusCode().value())
                    .isEqualTo(200);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT current_user", String.class))
                    .isEqualTo(EmbeddedPostgresConfiguration.APP_ROLE);
            assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThat(jdbc.queryForObject(
                            "SELECT pg_get_userbyid(nspowner) FROM pg_namespace " + "WHERE nspname = 'case_views'",
                            String.class))
                    .isEqualTo(EmbeddedPostgresConfiguration.APP_ROLE);
            // The app's role does what a rebuild does to the schemas it now owns.
            RebuildProgress rebuilt =
                    app.getBean(ProjectionRebuilds.class).rebuild("case-views", Duration.ofMinutes(2));
            assertThat(rebuilt.state()).as(rebuilt.toString()).isEqualTo(RebuildProgress.State.DONE);
            assertThat(api(app).get("/api/cases/" + caseId).getStatusCode().value())
                    .isEqualTo(200);

            int port = app.getBean(EmbeddedPostgres.class).getPort();
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null)
                            .close())
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThat(output).contains("upgraded: it let any local process in as superuser without a password");

        try (ConfigurableApplicationContext again = start(directory)) {
            assertThat(api(again).get("/api/cases/" + caseId).getStatusCode().value())
                    .isEqualTo(200);
        }
        Properties passwords = new Properties();
        try (var reader = Files.newBufferedReader(data.resolve("postgres-credentials.properties"))) {
            passwords.load(reader);
        }
        assertThat(output)
                .doesNotContain(passwords.getProperty("owner-password"))
                .doesNotContain(passwords.getProperty("app-password"));
    }

    private ConfigurableApplicationContext start(Path directory) {
        return new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + directory,
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false");
    }

    private static CaseApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return CaseApi.caseworker(
                new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)),
                context.getBean(AccountStore.class));
    }
}
