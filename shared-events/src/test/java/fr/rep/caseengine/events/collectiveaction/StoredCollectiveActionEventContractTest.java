package fr.rep.caseengine.events.collectiveaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Collective actions are counted in every annual report to come: payloads stored at revision 1 (files under
 * {@code stored-events/}) must still read into today's records and write back to the same JSON. A change to a field's
 * name or type fails here, and must come with a new revision and an upcaster instead.
 */
class StoredCollectiveActionEventContractTest {

    private static final Participant FIRST_PARENT = new Participant(
            CaseId.of("2f1d6c1e-8a4b-4d57-9a57-3c9c1d0f7a10"), SubjectId.of("ae9f5a7f-aa18-468e-bd91-b25daf64f339"));
    private static final Participant SECOND_PARENT = new Participant(
            CaseId.of("3a2e7d2f-9b5c-4e68-8b68-4d0d2e1f8b21"), SubjectId.of("bf0a6b80-bb29-479f-8ea2-c36eb075a44a"));

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @ValueSource(
            classes = {
                CollectiveSessionHeld.class,
                TalkingGroupFormed.class,
                TalkingGroupJoined.class,
                TalkingGroupSessionHeld.class
            })
    void a_revision_1_payload_reads_back_and_writes_the_same_json(Class<? extends CollectiveActionEvent> type)
            throws IOException {
        assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
        String stored = stored(type.getSimpleName() + "-1.json");

        CollectiveActionEvent event = json.readValue(stored, type);

        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(stored));
        assertThat(event.collectiveActionId().toString())
                .isIn("7c3e2b90-5d1a-4f0e-8b6c-2a9d4e1f3b21", "8d4f3ca1-6e2b-4a1f-9c7d-3b0e5f2a4c32");
        assertThat(event.occurredAt()).isBefore(event.recordedAt());
    }

    @Test
    void a_stored_snack_or_workshop_keeps_what_the_report_counts() throws IOException {
        CollectiveSessionHeld session =
                json.readValue(stored("CollectiveSessionHeld-1.json"), CollectiveSessionHeld.class);

        assertThat(session.kind()).isEqualTo(CollectiveSessionKind.CRAFT_WORKSHOP);
        assertThat(session.team()).isEqualTo(Team.PAS_DE_CALAIS);
        assertThat(session.prison()).isEqualTo(Prison.CD_BAPAUME);
        assertThat(session.occurredAt()).isEqualTo(Instant.parse("2026-11-18T14:00:00Z"));
        assertThat(session.participants()).containsExactly(FIRST_PARENT, SECOND_PARENT);
    }

    @Test
    void a_stored_talking_group_keeps_its_themes_in_order_its_members_and_each_session_s_attendance()
            throws IOException {
        TalkingGroupFormed formed = json.readValue(stored("TalkingGroupFormed-1.json"), TalkingGroupFormed.class);
        TalkingGroupJoined joined = json.readValue(stored("TalkingGroupJoined-1.json"), TalkingGroupJoined.class);
        TalkingGroupSessionHeld session =
                json.readValue(stored("TalkingGroupSessionHeld-1.json"), TalkingGroupSessionHeld.class);

        assertThat(formed.themes()).containsExactlyElementsOf(TalkingGroupTheme.cycle());
        assertThat(formed.members()).containsExactly(FIRST_PARENT);
        assertThat(joined.member()).isEqualTo(SECOND_PARENT);
        assertThat(session.session()).isEqualTo(1);
        assertThat(session.theme()).isEqualTo(TalkingGroupTheme.BEING_A_FATHER_IN_DETENTION);
        assertThat(session.participants()).containsExactly(SECOND_PARENT);
        assertThat(session.team()).isEqualTo(Team.SOMME_AISNE_OISE);
        assertThat(session.prison()).isEqualTo(Prison.MA_AMIENS);
    }

    private String stored(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stored-events/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
