package fr.rep.caseengine.app.projections;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far behind the event store the case views may fall before commands wait for them ({@link ViewBacklogGate}).
 *
 * @param maxEvents events the case views may have still to project when a command arrives; 0 lets commands go on
 *                  whatever the views' lag
 * @param maxWait   how long a command waits at most before going on anyway
 */
@ConfigurationProperties("rep.views.backlog")
public record ViewBacklogSettings(
        @DefaultValue("200") int maxEvents,
        @DefaultValue("2s") Duration maxWait) {

    public ViewBacklogSettings {
        if (maxEvents < 0) {
            throw new IllegalArgumentException("rep.views.backlog.max-events must be 0 or more, was " + maxEvents);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("rep.views.backlog.max-wait must not be negative, was " + maxWait);
        }
    }
}
