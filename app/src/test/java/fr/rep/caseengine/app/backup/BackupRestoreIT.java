package fr.rep.caseengine.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.CaseEngineApplication;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.IsolatedApp;
import fr.rep.caseengine.app.personaldata.EncryptedPersonalDataStore;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backup taken from a running service, restored as an operator would into a new data directory with the master key
 * and its erasure list brought back from their own backup: the store verifies, the people read back, the views
 * rebuild to what was restored, and a person erased after the backup stays erased. Its own service and database, so
 * that no other test's events are in what is compared.
 */
class BackupRestoreIT {

    static final String ADMINISTRATOR = "root.backups";
    static Path data;
    static ConfigurableApplicationContext source;
    static CaseApi caseworker;
    static CaseApi administrator;

    @BeforeAll
    static void aRunningService() throws IOException {
        data = Files.createTempDirectory("rep-backup-test");
        source = IsolatedApp.start(data.resolve("source"));
        TestRestTemplate http = new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder()
                .rootUri("http://localhost:" + source.getEnvironment().getProperty("local.server.port")));
        AccountStore accounts = source.getBean(AccountStore.class);
        caseworker = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        administrator = new CaseApi(http, ADMINISTRATOR);
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void a_restored_backup_verifies_reads_back_rebuilds_the_same_views_and_keeps_the_erasures_made_since()
            throws Exception {
        DocumentContext first = caseworker.openCase();
        String caseId = first.read("$.caseId");
        SubjectId father = new SubjectId(UUID.fromString(first.read("$.detainedParent")));
        SubjectId mother = new SubjectId(UUID.fromString(first.read("$.parties.mother")));
        caseworker.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        DocumentContext second = caseworker.openCase();
        SubjectId lucas = new SubjectId(UUID.fromString(second.read("$.children[0]")));
        await().until(() -> source.getBean(JdbcTemplate.class)
                        .queryForObject(
                                "SELECT count(*) FROM case_view WHERE case_id IN (?::uuid, ?::uuid)",
                                Long.class,
                                caseId,
                                second.read("$.caseId"))
                == 2);

        Path backup = data.resolve("backup");
        Output backupOutput = new Output();
        int backedUp = BackupCommand.run(
                backupOutput.stream,
                backup.toString(),
                "--rep.embedded-postgres.data-directory=" + data.resolve("source/postgres"),
                "--rep.personal-data.master-key-file=" + data.resolve("source/keys/master-key.json"));
        assertThat(backedUp).as(backupOutput.text()).isZero();
        assertThat(backup.resolve(BackupManifest.FILE)).isRegularFile();

        // Erased after the backup: the backup still holds the mother's key.
        assertThat(administrator
                        .post(
                                "/api/cases/" + caseId + "/erasures",
                                "{\"subject\": \"%s\", \"reason\": \"REQUEST_OF_THE_PERSON\"}"
                                        .formatted(mother.value()),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        Path sourceList = data.resolve("source/keys/" + ErasureList.FILE);
        assertThat(Files.readString(sourceList)).contains(caseId + "," + mother.value() + ",REQUEST_OF_THE_PERSON");

        // The master key and the erasure list are restored from their own backup, apart from the database's.
        Path keys = Files.createDirectories(data.resolve("restored/keys"));
        Files.copy(data.resolve("source/keys/master-key.json"), keys.resolve("master-key.json"));
        Files.copy(sourceList, keys.resolve(ErasureList.FILE));
        String[] restoredSettings = {
            "--rep.embedded-postgres.data-directory=" + data.resolve("restored/postgres"),
            "--rep.personal-data.master-key-file=" + keys.resolve("master-key.json"),
            "--rep.demo-data.enabled=false"
        };
        Output restoreOutput = new Output();
        int restored = RestoreCommand.run(
                restoreOutput.stream,
                CaseEngineApplication.class,
                Stream.concat(Stream.of(backup.toString()), Stream.of(restoredSettings))
                        .toArray(String[]::new));
        assertThat(restored).as(restoreOutput.text()).isZero();

        try (ConfigurableApplicationContext app = IsolatedApp.start(data.resolve("restored"))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            EncryptedPersonalDataStore people = app.getBean(EncryptedPersonalDataStore.class);
            assertThat(people.read(father)).map(PersonalDetails::lastName).contains("Dupont");
            assertThat(people.read(lucas)).map(PersonalDetails::firstName).contains("Lucas");
            assertThat(people.read(mother)).isEmpty();
            assertThat(jdbc.queryForObject(
                            "SELECT actor FROM personal_data_erasure WHERE subject_id = ?",
                            String.class,
                            mother.value()))
                    .isEqualTo(ErasureListReplay.ACTOR);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key_rotation", Long.class))
                    .as("the wrapping keys rotated after the erasure was made again")
                    .isPositive();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                            Long.class,
                            caseId))
                    .as("the case's events and the erasure made again")
                    .isEqualTo(source.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                    Long.class,
                                    caseId));
            everyViewRebuildsToWhatIsThere(app, jdbc);
        }
    }

    /** The restored views (and what the processors added since) are what the store rebuilds. */
    private static void everyViewRebuildsToWhatIsThere(ConfigurableApplicationContext app, JdbcTemplate jdbc)
            throws InterruptedException {
        ProjectionRebuilds rebuilds = app.getBean(ProjectionRebuilds.class);
        for (String projection : rebuilds.projections()) {
            String schema = projection.replace('-', '_');
            IsolatedApp.awaitCaughtUp(app, projection);
            List<String> tables = jdbc.queryForList(
                    "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY 1", String.class, schema);
            jdbc.execute("DROP SCHEMA IF EXISTS restored CASCADE");
            jdbc.execute("CREATE SCHEMA restored");
            for (String table : tables) {
                jdbc.execute("CREATE TABLE restored." + table + " AS SELECT * FROM " + schema + "." + table);
            }
            RebuildProgress done = rebuilds.rebuild(projection, Duration.ofMinutes(2));
            assertThat(done.state()).as(done.failure()).isEqualTo(RebuildProgress.State.DONE);
            IsolatedApp.awaitCaughtUp(app, projection);
            for (String table : tables) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM " + schema + "." + table, Long.class))
                        .as(schema + "." + table)
                        .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM restored." + table, Long.class));
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM (SELECT * FROM " + schema + "." + table
                                        + " EXCEPT ALL SELECT * FROM restored." + table + ") d",
                                Long.class))
                        .as(schema + "." + table + " rebuilt only")
                        .isZero();
            }
        }
    }

    @Test
    void a_backup_never_goes_beside_the_master_key_nor_into_a_directory_in_use() throws IOException {
        Output output = new Output();
        Path keyDirectory = data.resolve("source/keys");
        int besideTheKey = BackupCommand.run(
                output.stream,
                keyDirectory.resolve("backup").toString(),
                "--rep.embedded-postgres.data-directory=" + data.resolve("source/postgres"),
                "--rep.personal-data.master-key-file=" + keyDirectory.resolve("master-key.json"));
        Path used = Files.createDirectories(data.resolve("used"));
        Files.writeString(used.resolve("something"), "kept");
        int intoUsed = BackupCommand.run(
                output.stream,
                used.toString(),
                "--rep.embedded-postgres.data-directory=" + data.resolve("source/postgres"),
                "--rep.personal-data.master-key-file=" + keyDirectory.resolve("master-key.json"));

        assertThat(besideTheKey).isEqualTo(BackupCommand.FAILED);
        assertThat(intoUsed).isEqualTo(BackupCommand.FAILED);
        assertThat(output.text()).contains("never kept with the key").contains("is not empty");
        assertThat(keyDirectory.resolve("backup")).doesNotExist();
        assertThat(Files.readString(used.resolve("something"))).isEqualTo("kept");
    }

    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
