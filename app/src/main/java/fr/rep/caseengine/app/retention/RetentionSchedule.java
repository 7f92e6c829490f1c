package fr.rep.caseengine.app.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.rep.caseengine.command.erasure.RetentionPolicy;
import fr.rep.caseengine.command.erasure.RetentionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retention policy as a recurring db-scheduler task ({@code rep.retention.schedule}). db-scheduler keeps one row
 * for it in {@code scheduled_tasks} and lets one node pick it at a time; a run that fails is retried at the next
 * scheduled time, and a run repeated erases nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class RetentionSchedule {

    static final String TASK_NAME = "personal-data-retention";

    @Bean
    RecurringTask<Void> personalDataRetention(RetentionPolicy policy, RetentionProperties properties) {
        return Tasks.recurring(TASK_NAME, Schedules.parseSchedule(properties.schedule()))
                .execute((instance, context) -> policy.run());
    }
}
