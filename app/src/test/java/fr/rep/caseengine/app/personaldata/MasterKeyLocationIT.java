package fr.rep.caseengine.app.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.CaseEngineApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The master key is never kept where a copy of the database would carry it: the app refuses to start with the key
 * file inside the database's data directory, and starts with it beside.
 */
class MasterKeyLocationIT {

    @TempDir
    Path data;

    @Test
    void the_app_refuses_to_start_with_the_master_key_inside_the_databases_directory() {
        Path database = data.resolve("postgres");

        assertThatThrownBy(() -> start(database, database.resolve("keys").resolve("master-key.json"))
                        .close())
                .rootCause()
                .hasMessageContaining("inside the database's data directory")
                .hasMessageContaining("rep.personal-data.master-key-file");
        assertThat(database.resolve("keys").resolve("master-key.json")).doesNotExist();

        Path outside = data.resolve("keys").resolve("master-key.json");
        try (ConfigurableApplicationContext started = start(database, outside)) {
            assertThat(started.isRunning()).isTrue();
            assertThat(Files.exists(outside)).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Path database, Path masterKey) {
        return new SpringApplicationBuilder(CaseEngineApplication.class)
                .run(
                        "--server.port=0",
                        "--rep.embedded-postgres.data-directory=" + database,
                        "--rep.personal-data.master-key-file=" + masterKey,
                        "--rep.demo-data.enabled=false");
    }
}
