package fr.rep.caseengine;

import fr.rep.caseengine.app.backup.BackupCommand;
import fr.rep.caseengine.app.backup.RestoreCommand;
import fr.rep.caseengine.app.hashchain.VerifyStoreCommand;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The case engine: both sides, the event store and, unless told otherwise, an embedded PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseEngineApplication {

    /** Axon's update checker would call the vendor's host; this service's data about children never leaves it. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /**
     * Starts the service or, with {@code verify-store}, {@code backup DIR} or {@code restore DIR} as first arguments,
     * runs that command and exits with its status.
     */
    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case VerifyStoreCommand.NAME -> System.exit(VerifyStoreCommand.run(rest));
            case BackupCommand.NAME -> System.exit(BackupCommand.run(rest));
            case RestoreCommand.NAME -> System.exit(RestoreCommand.run(CaseEngineApplication.class, rest));
            default -> SpringApplication.run(CaseEngineApplication.class, args);
        }
    }

    /** The only source of "now"; its zone (the service's, Europe/Paris) decides calendar dates such as ages. */
    @Bean
    Clock clock(@Value("${rep.time-zone:Europe/Paris}") ZoneId zone) {
        return Clock.system(zone);
    }
}
