package fr.rep.caseengine.command.erasure;

import fr.rep.caseengine.command.personaldata.ErasureJournal;
import fr.rep.caseengine.command.personaldata.PersonalDataEraser;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.familycase.PersonalDataErased;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Destroys the erased person's key and writes the erasure trail ({@code personal_data_erasure}). A subscribing
 * processor runs it in the transaction that appends the event: the key goes if and only if the event is stored, and a
 * failure here rolls the event back (the group propagates errors, see {@link ErasureProcessing}). Live events only: a
 * replay never reaches it, and it would find nothing left to destroy anyway.
 */
@Component
@ProcessingGroup(ErasureProcessing.KEY_DESTRUCTION)
class KeyDestruction {

    private static final Logger LOG = LoggerFactory.getLogger(KeyDestruction.class);

    private final PersonalDataEraser personalData;
    private final ErasureJournal journal;
    private final JdbcTemplate jdbc;

    KeyDestruction(PersonalDataEraser personalData, ErasureJournal journal, JdbcTemplate jdbc) {
        this.personalData = personalData;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonalDataErased event, EventMessage<?> message) {
        journal.record(event.caseId(), event.subject(), event.reason(), event.recordedAt());
        boolean destroyed = personalData.erase(event.subject());
        Object actor = message.getMetaData().get(EventMetadata.ACTOR);
        jdbc.update(
                """
                INSERT INTO personal_data_erasure (event_id, case_id, subject_id, reason, actor, trace_id, erased_at,
                    key_destroyed) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.getIdentifier(),
                event.caseId().value(),
                event.subject().value(),
                event.reason().name(),
                actor,
                message.getMetaData().get(EventMetadata.TRACE_ID),
                Timestamp.from(event.recordedAt()),
                destroyed);
        LOG.info(
                "Personal data of subject {} on case {} erased ({}) by {}; key destroyed: {}",
                event.subject(),
                event.caseId(),
                event.reason(),
                actor,
                destroyed);
    }
}
