package fr.rep.caseengine.command.familycase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How early caseworkers are warned of a case's deadlines, and after how long without any entry a case is flagged.
 *
 * @param notice     how long before a due date its warning is raised
 * @param inactivity how long a case may go without any entry before a follow-up is due
 */
@ConfigurationProperties("rep.deadlines")
public record DeadlinePolicy(
        @DefaultValue("P30D") Duration notice,
        @DefaultValue("P56D") Duration inactivity) {}
