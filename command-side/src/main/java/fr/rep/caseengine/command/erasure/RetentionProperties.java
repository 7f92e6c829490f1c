package fr.rep.caseengine.command.erasure;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long people's personal data is kept once their case ended, and when the retention policy looks for cases due.
 *
 * @param afterClosing how long after a case was closed or declined (its reported date) its people are erased;
 *                     five years by default, the limitation period of civil liability (Code civil, art. 2224) during
 *                     which the service may have to account for its support (see docs/audit.md)
 * @param schedule     when the policy runs, in db-scheduler's notation ({@code DAILY|03:00|Europe/Paris})
 * @param casesPerRun  at most this many cases per run; the next run goes on where this one stopped
 */
@ConfigurationProperties("rep.retention")
public record RetentionProperties(
        @DefaultValue("P5Y") Period afterClosing,
        @DefaultValue("DAILY|03:00|Europe/Paris") String schedule,
        @DefaultValue("500") int casesPerRun) {}
