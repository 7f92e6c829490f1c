package fr.rep.caseengine.app.backup;

import fr.rep.caseengine.app.database.StartupTurn;
import fr.rep.caseengine.app.personaldata.PersonalDataKeyRotation;
import fr.rep.caseengine.command.familycase.ErasePerson;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On every start, erases anew anyone the {@link ErasureList} names whose key the database still holds — which happens
 * only when the database went back in time (restored from a backup older than the erasure). Each is erased through
 * the same command as the first time, as {@value #ACTOR}, so the case's history says it again; then the wrapping keys
 * rotate, so that the key rows just deleted, left in the restored database's files, cannot be unwrapped either. Nodes
 * started together take turns ({@link StartupTurn}): the first erases, the others find the keys gone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErasureListReplay implements ApplicationRunner {

    static final String ACTOR = "system:erasure-list";
    private static final Logger LOG = LoggerFactory.getLogger(ErasureListReplay.class);

    private final ErasureList list;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PersonalDataKeyRotation rotation;
    private final StartupTurn turn;

    ErasureListReplay(
            ErasureList list,
            JdbcTemplate jdbc,
            CommandGateway commands,
            PersonalDataKeyRotation rotation,
            StartupTurn turn) {
        this.list = list;
        this.jdbc = jdbc;
        this.commands = commands;
        this.rotation = rotation;
        this.turn = turn;
    }

    @Override
    public void run(ApplicationArguments args) {
        turn.run("the erasure list's replay", this::replayAndRotate);
    }

    private void replayAndRotate() {
        int erased = replay();
        if (erased > 0) {
            rotation.rotate(ACTOR);
            LOG.warn(
                    "{} people erased since the database's backup were erased again from {}, and the wrapping keys "
                            + "rotated",
                    erased,
                    list.file());
        }
    }

    /** Erases again those listed whose key is back; returns how many. */
    int replay() {
        Map<SubjectId, ErasureList.Entry> latest = new LinkedHashMap<>();
        list.entries().forEach(entry -> latest.put(entry.subject(), entry));
        if (latest.isEmpty()) {
            return 0;
        }
        Set<UUID> keyed = jdbc
                .queryForList(
                        "SELECT subject_id FROM personal_data_key WHERE subject_id = ANY (?)", UUID.class, (Object)
                                latest.keySet().stream().map(SubjectId::value).toArray(UUID[]::new))
                .stream()
                .collect(Collectors.toSet());
        int erased = 0;
        for (ErasureList.Entry entry : latest.values()) {
            if (!keyed.contains(entry.subject().value())) {
                continue;
            }
            LOG.warn(
                    "Subject {} of case {} was erased on {} ({}) but the database holds their key again (restored "
                            + "from an older backup?): erasing them again",
                    entry.subject(),
                    entry.caseId(),
                    entry.erasedAt(),
                    entry.reason());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new ErasePerson(entry.caseId(), null, entry.subject(), entry.reason()))
                    .andMetaData(Map.of(
                            EventMetadata.ACTOR, ACTOR, EventMetadata.TRACE_ID, "erasure-list:" + entry.erasedAt())));
            erased++;
        }
        return erased;
    }
}
