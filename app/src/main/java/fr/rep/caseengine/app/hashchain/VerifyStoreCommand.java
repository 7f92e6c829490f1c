package fr.rep.caseengine.app.hashchain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@code java -jar case-engine.jar verify-store [--at-position=N --store-link=HEX] [--spring.datasource.url=...]}:
 * verifies the event store with nothing but a datasource (the embedded PostgreSQL on the app's data directory unless
 * a URL is given; no web server, no event processors, no migrations), prints the report as JSON and answers 0 when
 * the store is intact, 1 when a link is broken, 2 when it could not be verified. Events awaiting their store seal
 * (committed just before the service stopped, or by a running service) are sealed first, as the service's sealer would
 * (one pass under the head's lock, safe beside a running service); if the account cannot write, they are reported as
 * awaiting their store seal.
 */
public final class VerifyStoreCommand {

    /** The first command-line argument that selects this command instead of the service. */
    public static final String NAME = "verify-store";

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int NOT_VERIFIED = 2;

    private VerifyStoreCommand() {}

    /** Runs the verification; returns the process's exit status. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatasourceOnly.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(args)) {
            Environment environment = context.getEnvironment();
            Optional<StoreVerification.NotedHead> noted = notedHead(environment);
            DatasourceOnly.sealer(context.getBean(DataSource.class)).sealPendingBeforeVerifying();
            VerificationReport report = context.getBean(StoreVerification.class).verify(noted);
            out.println(json().writeValueAsString(report));
            err.println(
                    report.intact()
                            ? "Event store intact: " + report.events() + " events, head at position "
                                    + report.head().position() + " with store link "
                                    + report.head().storeLink()
                                    + (report.awaitingStoreSeal() > 0
                                            ? "; " + report.awaitingStoreSeal() + " events awaiting their store seal"
                                            : "")
                            : "Event store BROKEN: " + report.problems() + " problem(s); first: "
                                    + report.firstBrokenLink().problem() + " - "
                                    + report.firstBrokenLink().detail());
            return report.intact() ? INTACT : BROKEN;
        } catch (Exception e) {
            err.println("Could not verify the event store: " + e.getMessage());
            return NOT_VERIFIED;
        }
    }

    private static Optional<StoreVerification.NotedHead> notedHead(Environment environment) {
        String position = environment.getProperty("at-position");
        String link = environment.getProperty("store-link");
        if (position == null && link == null) {
            return Optional.empty();
        }
        if (position == null || link == null || !link.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("--at-position=N and --store-link=<64 hexadecimal digits> go together");
        }
        return Optional.of(new StoreVerification.NotedHead(
                Long.parseLong(position), HexFormat.of().parseHex(link)));
    }

    private static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The datasource the app would use (its embedded PostgreSQL or spring.datasource.url), and the verification. */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @ComponentScan("fr.rep.caseengine.app.database")
    @ConfigurationPropertiesScan("fr.rep.caseengine.app.database")
    static class DatasourceOnly {

        @Bean
        Clock clock(@Value("${rep.time-zone:Europe/Paris}") ZoneId zone) {
            return Clock.system(zone);
        }

        @Bean
        StoreVerification storeVerification(DataSource dataSource, Clock clock) {
            return new StoreVerification(dataSource, clock);
        }

        /** Not started (no bean): its one pass is asked for before verifying. */
        static StoreChainSealer sealer(DataSource dataSource) {
            return new StoreChainSealer(
                    new JdbcTemplate(dataSource),
                    new DataSourceTransactionManager(dataSource),
                    1_000,
                    Duration.ofSeconds(1),
                    Duration.ZERO);
        }
    }
}
