package fr.rep.caseengine.app;

import static org.awaitility.Awaitility.await;

import fr.rep.caseengine.CaseEngineApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole app in a test of its own, on its own embedded database and key file under {@code data}, without the demo
 * dataset, on a free port: for a test whose comparisons must see no other test's events.
 */
public final class IsolatedApp {

    private IsolatedApp() {}

    /** Starts it; {@code more} are further {@code --name=value} settings. */
    public static ConfigurableApplicationContext start(Path data, String... more) {
        return builder().run(arguments(data, more));
    }

    /** What {@link #start} starts, for a test that must add to it before it runs. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CaseEngineApplication.class);
    }

    /** The arguments {@link #start} gives; a later {@code --name=value} in {@code more} wins. */
    public static String[] arguments(Path data, String... more) {
        // Spring joins a setting given twice into a list: a default given again in {@code more} is left out.
        return Stream.concat(
                        Stream.of(
                                        "--server.port=0",
                                        "--rep.embedded-postgres.data-directory=" + data.resolve("postgres"),
                                        "--rep.personal-data.master-key-file=" + data.resolve("keys/master-key.json"),
                                        "--rep.demo-data.enabled=false")
                                .filter(setting -> Stream.of(more)
                                        .noneMatch(given ->
                                                given.startsWith(setting.substring(0, setting.indexOf('=') + 1)))),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    /** Waits until every segment of the projection's processor has handled the last stored event. */
    public static void awaitCaughtUp(ConfigurableApplicationContext app, String projection) {
        StreamingEventProcessor processor = (StreamingEventProcessor) app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(projection)
                .orElseThrow();
        long head = app.getBean(JdbcTemplate.class)
                .queryForObject("SELECT coalesce(max(global_index), -1) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }
}
