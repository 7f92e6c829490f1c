package fr.rep.caseengine.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on its embedded PostgreSQL, in a data directory of its own. Every test class extending this shares
 * one application context (and one database), so tests create their own cases and never count globally.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedDatabaseTest {

    @Autowired
    private EmbeddedPostgres embeddedPostgres;

    private static final Path DATA = temporaryDirectory();

    @DynamicPropertySource
    static void isolatedData(DynamicPropertyRegistry registry) {
        isolatedData(registry, DATA);
    }

    /**
     * The settings of an app on a database of its own in {@code data}: what a test class needs whose settings or beans
     * make an application context of its own, which must not start a second server on the shared context's directory
     * while that one is alive.
     */
    static void isolatedData(DynamicPropertyRegistry registry, Path data) {
        registry.add(
                "rep.embedded-postgres.data-directory",
                () -> data.resolve("postgres").toString());
        registry.add(
                "rep.personal-data.master-key-file",
                () -> data.resolve("master-key.json").toString());
        registry.add("rep.demo-data.enabled", () -> "false");
        registry.add("rep.views.read-your-write-timeout", () -> "2s");
        // One node: every append wakes the store sealer after its commit; the poll (for other nodes) would only hide
        // a lost wake-up.
        registry.add("rep.event-chain.seal-interval", () -> "10m");
    }

    /**
     * The database's owner (the superuser), for a test that plays a fault or an intruder with more rights than the
     * app's own role has: triggers on the event store, tables of its own.
     */
    protected JdbcTemplate owner() {
        return new JdbcTemplate(embeddedPostgres.getPostgresDatabase());
    }

    static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("rep-case-engine-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
