package fr.rep.caseengine.app.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresPropertiesTest {

    @Test
    void further_server_settings_are_passed_on() {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(Path.of("data"), 0,
                Map.of("shared_buffers", "256MB"));

        assertThat(properties.settings()).containsExactly(Map.entry("shared_buffers", "256MB"));
        assertThat(new EmbeddedPostgresProperties(Path.of("data"), 0, null).settings()).isEmpty();
    }

    @Test
    void durability_settings_cannot_be_changed() {
        for (String fixed : new String[] {"fsync", "synchronous_commit", "full_page_writes", "listen_addresses"}) {
            assertThatThrownBy(() -> new EmbeddedPostgresProperties(Path.of("data"), 0, Map.of(fixed, "off")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rep.embedded-postgres.settings." + fixed + " cannot be set");
        }
    }
}
