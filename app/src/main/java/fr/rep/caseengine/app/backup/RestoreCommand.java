package fr.rep.caseengine.app.backup;

import fr.rep.caseengine.app.hashchain.VerifyStoreCommand;
import fr.rep.caseengine.app.personaldata.MasterKeyLocation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar case-engine.jar restore DIR [--rep.embedded-postgres.data-directory=NEW | --spring.datasource.*]}:
 * restores a backup into a new embedded data directory or an empty external database, then verifies the event store;
 * answers the verification's status (0: restored and intact). It starts the app on the restored database once, on a free
 * loopback port, so that every later migration runs and the erasures recorded since the backup
 * ({@link ErasureList}) are applied before anyone can read it; then the service is started as usual.
 * <p>
 * The master key must be in place first (restored from its own backup): the people's keys in the backup are wrapped
 * by it, and a key made anew would read none of them.
 */
public final class RestoreCommand {

    /** The first command-line argument that selects this command instead of the service. */
    public static final String NAME = "restore";

    static final int FAILED = 2;

    private RestoreCommand() {}

    /** Runs the restore with {@code application} as the app's configuration; returns the process's exit status. */
    public static int run(Class<?> application, String... args) {
        return run(System.err, application, args);
    }

    static int run(PrintStream out, Class<?> application, String... args) {
        CommandArguments arguments = CommandArguments.of(args);
        List<String> directories = arguments.directories();
        if (directories.size() != 1) {
            out.println("Usage: java -jar case-engine.jar restore DIR [--rep.embedded-postgres.data-directory=NEW]");
            return FAILED;
        }
        Path masterKey = MasterKeyLocation.of(arguments.settings());
        if (!Files.isRegularFile(masterKey)) {
            out.println("Restore refused: no master key at " + masterKey + ". Put the master key back there from its "
                    + "own backup first (or give rep.personal-data.master-key-file): the people's details in the "
                    + "backup can be read with it only.");
            return FAILED;
        }
        List<String> options = arguments.options();
        List<String> restoring = new ArrayList<>(options);
        restoring.add("--" + RestoreFromBackup.PROPERTY + "="
                + Path.of(directories.get(0)).toAbsolutePath());
        // The web layer is part of the app's configuration (its security needs it): on a free loopback port,
        // unannounced.
        restoring.add("--server.port=0");
        restoring.add("--server.address=127.0.0.1");
        restoring.removeIf(option -> option.startsWith("--rep.demo-data.enabled="));
        restoring.add("--rep.demo-data.enabled=false");
        try (ConfigurableApplicationContext ignored =
                SpringApplication.run(application, restoring.toArray(String[]::new))) {
            out.println("Backup " + directories.get(0) + " restored; verifying the event store");
        } catch (Exception e) {
            out.println("Restore failed: " + e.getMessage());
            return FAILED;
        }
        return VerifyStoreCommand.run(options.toArray(String[]::new));
    }
}
