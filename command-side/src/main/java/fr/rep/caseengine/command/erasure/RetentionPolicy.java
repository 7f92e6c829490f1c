package fr.rep.caseengine.command.erasure;

import fr.rep.caseengine.command.familycase.ErasePeopleOfCase;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the people of every case that ended longer ago than {@code rep.retention.after-closing}, as the system actor
 * {@value #SYSTEM_ACTOR}, and reports what it erased: a log line per case and per run, and the tables
 * {@code retention_run} and {@code retention_run_case} that {@code GET /api/erasures} serves. Each case is erased in
 * its own transaction; the case itself decides whom to erase, so a run repeated, or racing a reopening, erases
 * nothing twice and no one of an open case.
 */
@Component
public class RetentionPolicy {

    public static final String SYSTEM_ACTOR = "system:retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPolicy.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionPolicy(
            CommandGateway commands,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RetentionProperties properties,
            Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What one run did.
     *
     * @param cutoff   cases that ended before this instant were due
     * @param erased   per case, the people erased
     * @param failures cases that could not be erased this time (logged; the next run tries again)
     */
    public record Run(
            UUID runId, Instant startedAt, Instant cutoff, Map<CaseId, List<SubjectId>> erased, int failures) {

        public int peopleErased() {
            return erased.values().stream().mapToInt(List::size).sum();
        }
    }

    public Run run() {
        UUID runId = UUID.randomUUID();
        Instant startedAt = clock.instant();
        Instant cutoff = startedAt
                .atZone(clock.getZone())
                .minus(properties.afterClosing())
                .toInstant();
        jdbc.update(
                "INSERT INTO retention_run (run_id, started_at, after_closing, cutoff) VALUES (?, ?, ?, ?)",
                runId,
                Timestamp.from(startedAt),
                properties.afterClosing().toString(),
                Timestamp.from(cutoff));
        List<UUID> due = jdbc.queryForList("""
                SELECT case_id FROM ended_case WHERE ended_at < ? AND erased_at IS NULL
                ORDER BY ended_at, case_id LIMIT ?""", UUID.class, Timestamp.from(cutoff), properties.casesPerRun());
        Map<CaseId, List<SubjectId>> erased = new java.util.LinkedHashMap<>();
        int failures = 0;
        for (UUID id : due) {
            CaseId caseId = new CaseId(id);
            try {
                List<SubjectId> people = eraseCase(runId, caseId, cutoff);
                erased.put(caseId, people);
                LOG.info(
                        "Retention run {}: case {} ended before {}, {} people erased",
                        runId,
                        caseId,
                        cutoff,
                        people.size());
            } catch (RuntimeException failure) {
                failures++;
                LOG.warn(
                        "Retention run {}: case {} could not be erased, the next run tries again",
                        runId,
                        caseId,
                        failure);
            }
        }
        Run run = new Run(runId, startedAt, cutoff, erased, failures);
        jdbc.update("""
                UPDATE retention_run SET finished_at = ?, cases_erased = ?, people_erased = ?, failures = ?
                WHERE run_id = ?""", Timestamp.from(clock.instant()), erased.size(), run.peopleErased(), failures, runId);
        LOG.info(
                "Retention run {} (after closing {}, cutoff {}): {} cases due, {} people erased, {} failures",
                runId,
                properties.afterClosing(),
                cutoff,
                due.size(),
                run.peopleErased(),
                failures);
        return run;
    }

    private List<SubjectId> eraseCase(UUID runId, CaseId caseId, Instant cutoff) {
        return transaction.execute(status -> {
            @SuppressWarnings("unchecked")
            List<SubjectId> people = (List<SubjectId>)
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ErasePeopleOfCase(caseId, cutoff))
                            .andMetaData(Map.of(
                                    EventMetadata.ACTOR, SYSTEM_ACTOR, EventMetadata.TRACE_ID, "retention:" + runId)));
            jdbc.update(
                    "UPDATE ended_case SET erased_at = ? WHERE case_id = ?",
                    Timestamp.from(clock.instant()),
                    caseId.value());
            jdbc.update(
                    "INSERT INTO retention_run_case (run_id, case_id, people_erased) VALUES (?, ?, ?)",
                    runId,
                    caseId.value(),
                    people.size());
            return people;
        });
    }
}
