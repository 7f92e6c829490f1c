package fr.rep.caseengine.app.personaldata;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.rep.caseengine.app.database.LocalDatabaseDirectory;
import java.time.Clock;
import java.util.Optional;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The wrapping keys, the personal-data store's migration that needs them, and their scheduled rotation: a recurring
 * db-scheduler task ({@code rep.personal-data.rotation-schedule}), picked by one node at a time like the retention
 * policy, which rotates when an erasure was recorded since the last rotation.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    static final String ROTATION_TASK = "personal-data-key-rotation";

    @Bean
    WrappingKeys wrappingKeys(
            PersonalDataProperties properties,
            JdbcTemplate jdbc,
            ObjectProvider<LocalDatabaseDirectory> localDatabase) {
        return WrappingKeys.open(
                properties.masterKeyFile(),
                jdbc,
                Optional.ofNullable(localDatabase.getIfAvailable()).map(LocalDatabaseDirectory::path));
    }

    @Bean
    JavaMigration hashLastNamesRecordedBefore(PersonalDataProperties properties, Clock clock) {
        return new HashLastNamesRecordedBefore(properties, clock);
    }

    @Bean
    RecurringTask<Void> scheduledKeyRotation(PersonalDataKeyRotation rotation, PersonalDataProperties properties) {
        return Tasks.recurring(ROTATION_TASK, Schedules.parseSchedule(properties.rotationSchedule()))
                .execute((instance, context) -> rotation.rotateIfErasedSince(PersonalDataKeyRotation.SCHEDULE));
    }
}
