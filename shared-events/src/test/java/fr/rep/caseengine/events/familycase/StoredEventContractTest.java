package fr.rep.caseengine.events.familycase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.rep.caseengine.events.SubjectId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are read back for years: a payload stored at each event's current revision (files under
 * {@code stored-events/}, named {@code <Event>-<revision>.json}) must still read into today's record and write back to
 * the same JSON. A change to a field's name or type fails here and must come with a new revision, an upcaster, and a
 * new stored file; the old file stays, read through the upcaster.
 */
class StoredEventContractTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Class<?>> everyCaseEvent() {
        return Arrays.stream(CaseEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("everyCaseEvent")
    void a_payload_stored_at_the_current_revision_reads_back_and_writes_the_same_json(Class<?> type)
            throws IOException {
        String revision = type.getAnnotation(Revision.class).value();
        String stored = stored(type.getSimpleName() + "-" + revision + ".json");

        CaseEvent event = (CaseEvent) json.readValue(stored, type);

        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(stored));
        assertThat(event.caseId()).hasToString("2f1d6c1e-8a4b-4d57-9a57-3c9c1d0f7a10");
    }

    @Test
    void the_stored_request_keeps_every_fact_the_report_needs() throws IOException {
        RequestReceived request = json.readValue(stored("RequestReceived-1.json"), RequestReceived.class);

        assertThat(request.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
        assertThat(request.children())
                .extracting(ChildOnCase::birthDate)
                .containsExactly(LocalDate.of(2017, 5, 2), LocalDate.of(2020, 1, 15));
        assertThat(request.children().get(0).department()).isEqualTo(new Department("80"));
        assertThat(request.children().get(1).department()).isNull();
        assertThat(request.children().get(1).parentalAuthority())
                .isEqualTo(SubjectId.of("edcf903c-0247-43e1-bae3-f56e6c1415a1"));
        assertThat(request.educationalOrJudicialMeasure()).isTrue();
    }

    static Stream<Arguments> upcasters() {
        return Stream.of(
                Arguments.of(
                        VisitMediated.class,
                        List.of("visitId", "accompanier", "accompaniedBy", "durationMinutes", "kilometres")),
                Arguments.of(ConsentRecorded.class, List.of("validUntil")),
                Arguments.of(DeadlineApproaching.class, List.of("party")),
                Arguments.of(InterviewHeld.class, List.of("kilometres")),
                Arguments.of(ContactStepTaken.class, List.of("kilometres")),
                Arguments.of(CaseReviewed.class, List.of("kilometres")));
    }

    @ParameterizedTest
    @MethodSource("upcasters")
    void a_payload_stored_at_revision_1_is_upcast_with_the_added_facts_left_unknown(
            Class<? extends CaseEvent> type, List<String> added) throws IOException {
        CaseEvent event = readThroughTheUpcasters(type, "1");

        assertThat(event).isInstanceOf(type);
        assertThat(event.caseId()).hasToString("2f1d6c1e-8a4b-4d57-9a57-3c9c1d0f7a10");
        var tree = json.valueToTree(event);
        added.forEach(field -> assertThat(tree.get(field).isNull()).as(field).isTrue());
    }

    static Stream<Arguments> freeTextAccompaniers() {
        return Stream.of(
                Arguments.of(VisitingPermitIssued.class, "1"),
                Arguments.of(VisitingPermitExpired.class, "1"),
                Arguments.of(VisitScheduled.class, "1"),
                Arguments.of(VisitMediated.class, "2"));
    }

    @ParameterizedTest
    @MethodSource("freeTextAccompaniers")
    void an_accompanier_stored_as_a_name_reads_as_recorded_before_and_the_name_is_gone(
            Class<? extends CaseEvent> type, String revision) throws IOException {
        assertThat(stored(type.getSimpleName() + "-" + revision + ".json")).contains("claire.martin");

        CaseEvent event = readThroughTheUpcasters(type, revision);

        assertThat(event).isInstanceOf(type);
        assertThat(json.valueToTree(event).get("accompanier").asText()).isEqualTo("recorded-before");
        assertThat(json.writeValueAsString(event)).doesNotContain("claire");
    }

    @Test
    void a_deadline_stored_without_accompanier_keeps_none() throws IOException {
        DeadlineApproaching deadline = (DeadlineApproaching) readThroughTheUpcasters(DeadlineApproaching.class, "2");

        assertThat(deadline.accompanier()).isNull();
        assertThat(deadline.kind()).isEqualTo(DeadlineKind.CHILD_TURNS_18);
    }

    @Test
    void an_accompanier_is_stored_as_an_account_or_a_subject_and_nothing_else_reads_as_a_name() {
        assertThat(Accompanier.of("account:claire")).isEqualTo(Accompanier.staff("claire"));
        assertThat(Accompanier.of("person:6d1f0a52-3b7e-4c11-9a0e-2f5b8c7d9e31"))
                .isEqualTo(Accompanier.person(SubjectId.of("6d1f0a52-3b7e-4c11-9a0e-2f5b8c7d9e31")));
        assertThat(Accompanier.of("Marie Dupont")).isEqualTo(Accompanier.RECORDED_BEFORE);
        assertThat(Accompanier.of("person:Marie")).isEqualTo(Accompanier.RECORDED_BEFORE);
        assertThat(Accompanier.RECORDED_BEFORE).hasToString("recorded-before");
    }

    /** Reads a stored payload of that revision as the event store does: through the app's chain of upcasters. */
    private CaseEvent readThroughTheUpcasters(Class<? extends CaseEvent> type, String revision) throws IOException {
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(json).build();
        byte[] payload = stored(type.getSimpleName() + "-" + revision + ".json").getBytes(StandardCharsets.UTF_8);
        IntermediateEventRepresentation old = new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "FamilyCase",
                        "2f1d6c1e-8a4b-4d57-9a57-3c9c1d0f7a10",
                        3,
                        "event-1",
                        Instant.EPOCH,
                        type.getName(),
                        revision,
                        payload,
                        "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);

        List<IntermediateEventRepresentation> upcast =
                StoredEventUpcasters.chain().upcast(Stream.of(old)).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision())
                .isEqualTo(type.getAnnotation(Revision.class).value());
        return serializer.deserialize(upcast.get(0).getData());
    }

    private String stored(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stored-events/" + file)) {
            assertThat(in).as("stored payload " + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
