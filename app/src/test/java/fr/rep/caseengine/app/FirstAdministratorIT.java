package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.CaseEngineApplication;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first start creates an administrator whose one-time password is printed once and must be changed. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIT {

    private static final Pattern ONE_TIME_PASSWORD =
            Pattern.compile("created administrator 'admin' with one-time password (\\S+) ");

    @TempDir
    Path data;

    @Test
    void the_first_administrator_signs_in_once_with_the_printed_password_then_must_change_it(CapturedOutput output) {
        String oneTimePassword;
        try (ConfigurableApplicationContext app = start()) {
            Matcher printed = ONE_TIME_PASSWORD.matcher(output.getOut());
            assertThat(printed.find()).as("the one-time password is in the log").isTrue();
            oneTimePassword = printed.group(1);
            assertThat(printed.find()).as("and only once").isFalse();
            assertThat(new JdbcTemplate(app.getBean(javax.sql.DataSource.class))
                            .queryForObject("SELECT password_hash FROM account WHERE username = 'admin'", String.class))
                    .startsWith("{bcrypt}")
                    .doesNotContain(oneTimePassword);

            TestRestTemplate http = client(app);
            TestRestTemplate admin = http.withBasicAuth("admin", oneTimePassword);
            ResponseEntity<String> beforeChange = admin.getForEntity("/api/accounts", String.class);
            assertThat(beforeChange.getStatusCode().value()).isEqualTo(403);
            assertThat(beforeChange.getBody()).contains("one-time password");

            ResponseEntity<String> tooShort = changePassword(admin, oneTimePassword, "short");
            assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
            assertThat(changePassword(admin, oneTimePassword, "a-long-and-private-passphrase")
                            .getStatusCode()
                            .value())
                    .isEqualTo(204);

            assertThat(http.withBasicAuth("admin", "a-long-and-private-passphrase")
                            .getForEntity("/api/accounts", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            assertThat(admin.getForEntity("/api/accounts", String.class)
                            .getStatusCode()
                            .value())
                    .as("the one-time password no longer works")
                    .isEqualTo(401);
        }
        int logLength = output.getOut().length();
        try (ConfigurableApplicationContext again = start()) {
            assertThat(output.getOut().substring(logLength))
                    .doesNotContain("one-time password")
                    .doesNotContain(oneTimePassword);
            assertThat(client(again)
                            .withBasicAuth("admin", "a-long-and-private-passphrase")
                            .getForEntity("/api/accounts", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }
    }

    private ResponseEntity<String> changePassword(TestRestTemplate client, String current, String next) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(
                "/api/account/password",
                HttpMethod.POST,
                new HttpEntity<>(
                        "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(current, next), headers),
                String.class);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + data.resolve("postgres"),
                        "--rep.personal-data.master-key-file=" + data.resolve("master-key.json"),
                        "--rep.demo-data.enabled=false");
    }

    private static TestRestTemplate client(ConfigurableApplicationContext app) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));
    }
}
