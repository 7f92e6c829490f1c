package fr.rep.caseengine.app.database;

import static java.util.Map.entry;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the app's own role may do, granted by the owner after every migration (docs/security.md, "Database roles").
 * The migrations run as the owner of the schema; the app's pool connects as another role, which may read and append to
 * the event store and the audit trails but never change or delete a row of them, nor alter a table (so nor disable a
 * trigger). It owns the projections' schemas, because a rebuild creates, renames and drops them.
 * <p>
 * Granted afresh on each start, so that a table a later migration adds gets exactly what {@link #PUBLIC_TABLES} says
 * (nothing if it is not listed, with a warning). Skipped, with a warning, when the app connects as the owner itself (an
 * external database set up with a single role).
 */
@Component
class AppRolePrivileges implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(AppRolePrivileges.class);
    private static final String APPEND_ONLY = "SELECT, INSERT";
    private static final String READ_WRITE = "SELECT, INSERT, UPDATE, DELETE";

    /** Each table of the public schema and what the app's role may do with it. */
    static final Map<String, String> PUBLIC_TABLES = Map.ofEntries(
            // The event store and its tamper evidence: appended to, never changed. Pending chain rows are sealed by
            // event_chain_seal(), which runs with its owner's rights.
            entry("domain_event_entry", APPEND_ONLY),
            entry("event_chain", APPEND_ONLY),
            entry("event_chain_head", "SELECT"),
            // No snapshotter is configured: nothing writes snapshots, and a forged one would forge a case's state.
            entry("snapshot_event_entry", "SELECT"),
            // Audit trails and the erasure register.
            entry("case_access_trail", APPEND_ONLY),
            entry("break_glass_access", APPEND_ONLY),
            entry("personal_data_erasure", APPEND_ONLY),
            entry("retention_run", "SELECT, INSERT, UPDATE (finished_at, cases_erased, people_erased, failures)"),
            entry("retention_run_case", APPEND_ONLY),
            // Every change to an account (docs/security.md, "Separation of duties").
            entry("account_trail", APPEND_ONLY),
            // A role change waiting for a second administrator: decided once (a trigger), never deleted.
            entry("role_change_request", "SELECT, INSERT, UPDATE (status, decided_by, decided_at)"),
            // The app's working state.
            entry("token_entry", READ_WRITE),
            entry("scheduled_tasks", READ_WRITE),
            entry("idempotent_request", READ_WRITE),
            entry("case_access", READ_WRITE),
            entry("case_prison", READ_WRITE),
            entry("scheduled_visit", READ_WRITE),
            entry("prison_visit_suspension", READ_WRITE),
            entry("ended_case", READ_WRITE),
            entry("account", READ_WRITE),
            // Failed sign-ins per account name and source address (the lock-out), forgotten after a day.
            entry("sign_in_failure", READ_WRITE),
            // Projections' events set aside (poison events), retried and cleared by administrators.
            entry("dead_letter_entry", READ_WRITE),
            // Erasure deletes a person's key: that is crypto-shredding.
            entry("personal_data_key", READ_WRITE),
            entry("personal_data", READ_WRITE),
            // The last-name search key, wrapped by the master key.
            entry("personal_data_search_key", READ_WRITE),
            // The runs of the wrapping keys' rotation (docs/audit.md), kept as a record.
            entry("personal_data_key_rotation", READ_WRITE));

    /** Flyway's own table: the app's role has no business with it. */
    private static final String MIGRATION_HISTORY = "flyway_schema_history";

    /** Each projection's schema (docs/architecture.md, "Projections and rebuilds"), owned by the app's role. */
    static final Set<String> PROJECTION_SCHEMAS = Set.of("case_views", "caseload", "work_queue", "activity_report");

    private final ObjectProvider<DataSource> dataSource;

    AppRolePrivileges(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "app role privileges";
    }

    @Override
    public void handle(Event event, Context context) {
        Optional<String> app = appRole();
        try {
            Connection connection = context.getConnection();
            String owner = single(connection, "SELECT current_user");
            if (app.isEmpty() || app.get().equals(owner)) {
                LOG.warn(
                        "The app connects to PostgreSQL as {}, the owner of its tables: it could change or delete "
                                + "stored events and audit rows. Give it a role of its own (docs/security.md, \"Database "
                                + "roles\").",
                        owner);
                return;
            }
            grant(connection, app.get());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not grant the app's role " + app.orElse("?") + " its privileges (" + e.getMessage()
                            + "); see docs/security.md, \"Database roles\"",
                    e);
        }
    }

    private Optional<String> appRole() {
        DataSource pool = dataSource.getIfUnique();
        if (pool instanceof HikariDataSource hikari) {
            return Optional.ofNullable(hikari.getUsername());
        }
        return Optional.empty();
    }

    private static void grant(Connection connection, String appRole) throws SQLException {
        String app = quoted(appRole);
        List<String> statements = new ArrayList<>();
        statements.add("GRANT USAGE ON SCHEMA public TO " + app);
        statements.add("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + app);
        for (String table :
                list(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            String privileges = PUBLIC_TABLES.get(table);
            if (privileges != null) {
                statements.add("GRANT " + privileges + " ON TABLE public." + quoted(table) + " TO " + app);
            } else if (!table.equals(MIGRATION_HISTORY)) {
                LOG.warn(
                        "Table public.{} is not in AppRolePrivileges.PUBLIC_TABLES: the app's role {} may not use it",
                        table,
                        appRole);
            }
        }
        statements.add("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM " + app);
        statements.add("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + app);
        for (String schema : PROJECTION_SCHEMAS) {
            Optional<String> schemaOwner = optional(
                    connection, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", schema);
            if (schemaOwner.isEmpty()) {
                continue;
            }
            if (!schemaOwner.get().equals(appRole)) {
                statements.add("ALTER SCHEMA " + quoted(schema) + " OWNER TO " + app);
            }
            for (String table : list(
                    connection,
                    "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tableowner <> ? ORDER BY 1",
                    schema,
                    appRole)) {
                statements.add("ALTER TABLE " + quoted(schema) + "." + quoted(table) + " OWNER TO " + app);
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        LOG.info(
                "Granted the app's role {} its privileges: append-only on the event store and the audit tables, "
                        + "owner of the projections' schemas",
                appRole);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String single(Connection connection, String sql) throws SQLException {
        return optional(connection, sql).orElseThrow();
    }

    private static Optional<String> optional(Connection connection, String sql, String... parameters)
            throws SQLException {
        List<String> values = list(connection, sql, parameters);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static List<String> list(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
