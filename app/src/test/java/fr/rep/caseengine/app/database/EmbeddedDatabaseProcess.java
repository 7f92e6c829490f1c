package fr.rep.caseengine.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that starts the app's embedded database on a directory, says so on its standard output, and waits to be killed:
 * what a running app is to its PostgreSQL, without the rest of the app.
 */
final class EmbeddedDatabaseProcess {

    static final String READY = "READY postmaster ";

    private EmbeddedDatabaseProcess() {}

    /** Starts the embedded database on a directory as the app does. */
    static EmbeddedPostgres start(Path directory) {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(directory, 0, Map.of());
        return new EmbeddedPostgresConfiguration()
                .embeddedPostgres(properties, DatabaseCredentials.loadOrCreate(properties.credentialsFile()));
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        EmbeddedPostgres postgres = start(directory);
        String pid =
                Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim();
        System.out.println(READY + pid + " port " + postgres.getPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
