package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The case engine started in this JVM on the benchmark's data directory, with its embedded PostgreSQL (durable, as
 * the app configures it). Settings go as command-line arguments, which win over application.yml.
 */
final class EngineInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDirectory;

    private EngineInstance(ConfigurableApplicationContext context, Path dataDirectory) {
        this.context = context;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the app; returns once it is ready (web server up, runners done).
     *
     * @param tuning extra {@code --name=value} arguments, such as processor or pool settings under test
     */
    static EngineInstance start(Path dataDirectory, List<String> tuning) {
        EngineInstance engine = new EngineInstance(
                new SpringApplicationBuilder(CaseEngineApplication.class)
                        .run(arguments(dataDirectory, tuning, 0).toArray(String[]::new)),
                dataDirectory);
        engine.createAccounts();
        return engine;
    }

    /** The generator's caseworkers, each in their team, and an auditor and managers for the queries; all with one password. */
    void createAccounts() {
        AccountStore accounts = bean(AccountStore.class);
        FamilyGenerator.SOMME_AISNE_OISE_CASEWORKERS.forEach(
                name -> account(accounts, name, Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE));
        FamilyGenerator.PAS_DE_CALAIS_CASEWORKERS.forEach(
                name -> account(accounts, name, Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS));
        account(accounts, CaseEngineHttpClient.READER, Set.of(Role.AUDITOR), null);
        account(accounts, CaseEngineHttpClient.MANAGER, Set.of(Role.SERVICE_MANAGER), null);
        account(accounts, CaseEngineHttpClient.TEAM_MANAGER, Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        account(accounts, CaseEngineHttpClient.ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
    }

    private static void account(AccountStore accounts, String name, Set<Role> roles, Team team) {
        if (!accounts.exists(name)) {
            accounts.create(name, name, CaseEngineHttpClient.PASSWORD, roles, team);
        }
    }

    /** The arguments that start the app on this data directory and port (0: any free one), quiet but for warnings. */
    static List<String> arguments(Path dataDirectory, List<String> tuning, int port) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--rep.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--rep.personal-data.master-key-file=" + dataDirectory.resolve("master-key.json"),
                "--rep.demo-data.enabled=false",
                // Which statements take PostgreSQL's time, for the profiles (PhaseProfiler).
                "--rep.embedded-postgres.settings.shared_preload_libraries=pg_stat_statements"));
        if (tuning.stream().noneMatch(argument -> argument.startsWith("--logging.level.root="))) {
            arguments.add("--logging.level.root=WARN");
        }
        arguments.addAll(tuning);
        return arguments;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** A connection of the benchmark's own to the app's PostgreSQL, outside the app's pool. */
    Connection connect() throws SQLException {
        // The superuser (zonky's data source carries its password): the benchmark creates tables and extensions.
        Connection connection =
                bean(EmbeddedPostgres.class).getPostgresDatabase().getConnection();
        String searchPath = context.getEnvironment().getProperty("spring.datasource.hikari.connection-init-sql");
        if (searchPath != null) {
            try (var statement = connection.createStatement()) {
                statement.execute(searchPath);
            }
        }
        return connection;
    }

    /** The processors of every projection (each streaming group with a schema of its own). */
    List<StreamingEventProcessor> projectionProcessors() {
        EventProcessingConfiguration processing = bean(EventProcessingConfiguration.class);
        return bean(ProjectionRebuilds.class).projections().stream()
                .map(name -> processing
                        .eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow())
                .toList();
    }

    /** The PostgreSQL server's main process, to account for its CPU time. */
    long postgresPid() {
        try {
            return Long.parseLong(
                    Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"))
                            .get(0)
                            .trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PostgreSQL process id", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
