package fr.rep.caseengine.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresPropertiesTest {

    @Test
    void further_server_settings_are_passed_on() {
        EmbeddedPostgresProperties properties =
                new EmbeddedPostgresProperties(Path.of("data"), 0, Map.of("shared_buffers", "256MB"));

        assertThat(properties.settings()).containsExactly(Map.entry("shared_buffers", "256MB"));
        assertThat(new EmbeddedPostgresProperties(Path.of("data"), 0, null).settings())
                .isEmpty();
    }

    @Test
    void durability_settings_cannot_be_changed() {
        for (String fixed : new String[] {"fsync", "synchronous_commit", "full_page_writes", "listen_addresses"}) {
            assertThatThrownBy(() -> new EmbeddedPostgresProperties(Path.of("data"), 0, Map.of(fixed, "off")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rep.embedded-postgres.settings." + fixed + " cannot be set");
        }
    }

    @Test
    void who_may_connect_from_where_cannot_be_changed_either() {
        for (String fixed : new String[] {"unix_socket_directories", "password_encryption", "hba_file"}) {
            assertThatThrownBy(() -> new EmbeddedPostgresProperties(Path.of("data"), 0, Map.of(fixed, "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rep.embedded-postgres.settings." + fixed + " cannot be set");
        }
    }

    @Test
    void the_passwords_are_kept_beside_the_data_directory_unless_told_otherwise() {
        assertThat(new EmbeddedPostgresProperties(Path.of("data/postgres"), 0, null).credentialsFile())
                .isEqualTo(Path.of("data/postgres-credentials.properties").toAbsolutePath());
        assertThat(new EmbeddedPostgresProperties(Path.of("data/postgres"), 0, null, Path.of("/etc/rep/db.properties"))
                        .credentialsFile())
                .isEqualTo(Path.of("/etc/rep/db.properties"));
    }
}
