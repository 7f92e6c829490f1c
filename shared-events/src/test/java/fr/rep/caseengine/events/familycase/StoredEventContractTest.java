package fr.rep.caseengine.events.familycase;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.rep.caseengine.events.SubjectId;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are read back for years: payloads stored at revision 1 (files under {@code stored-events/}, copied from a
 * real store) must still read into today's records and write back to the same JSON. A change to a field's name or
 * type fails here, and must come with a new revision and an upcaster instead.
 */
class StoredEventContractTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParameterizedTest
    @ValueSource(classes = {RequestReceived.class, CaseAssigned.class, ConsentRecorded.class, ConsentWithdrawn.class,
            VisitMediated.class, InterventionClosed.class})
    void a_revision_1_payload_reads_back_and_writes_the_same_json(Class<? extends CaseEvent> type) throws IOException {
        assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
        String stored = stored(type.getSimpleName() + "-1.json");

        CaseEvent event = json.readValue(stored, type);

        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(stored));
        assertThat(event.caseId()).hasToString("2f1d6c1e-8a4b-4d57-9a57-3c9c1d0f7a10");
    }

    @ParameterizedTest
    @ValueSource(strings = "RequestReceived-1.json")
    void the_stored_request_keeps_every_fact_the_report_needs(String file) throws IOException {
        RequestReceived request = json.readValue(stored(file), RequestReceived.class);

        assertThat(request.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(request.children()).extracting(ChildOnCase::birthDate)
                .containsExactly(LocalDate.of(2017, 5, 2), LocalDate.of(2020, 1, 15));
        assertThat(request.children().get(0).department()).isEqualTo(new Department("80"));
        assertThat(request.children().get(1).department()).isNull();
        assertThat(request.children().get(1).parentalAuthority())
                .isEqualTo(SubjectId.of("edcf903c-0247-43e1-bae3-f56e6c1415a1"));
        assertThat(request.educationalOrJudicialMeasure()).isTrue();
    }

    private String stored(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stored-events/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
