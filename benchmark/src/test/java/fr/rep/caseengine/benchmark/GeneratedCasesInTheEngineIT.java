package fr.rep.caseengine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.command.familycase.MediateVisit;
import fr.rep.caseengine.command.familycase.RecordConsent;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.VisitPlace;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the benchmark writes straight into the event store is what the engine itself would have stored: its stories
 * are accepted command by command, its rows have the engine's format, and the engine works on top of them.
 */
class GeneratedCasesInTheEngineIT extends EmbeddedDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_generated_story_is_accepted_by_the_engine_command_by_command() {
        List<GeneratedEvent> events = new CaseDataset(11, new CaseDataset.Sizes(40, 400, 1, 120, 0, 0)).events();

        for (GeneratedEvent event : events) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(CommandWorkload.commandFor(event.payload()))
                    .andMetaData(Map.of(EventMetadata.ACTOR, event.actor())));
        }

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                        Long.class,
                        (Object) events.stream()
                                .map(event -> event.payload().caseId().toString())
                                .distinct()
                                .toArray(String[]::new)))
                .isEqualTo(400);
    }

    @Test
    void loaded_rows_have_the_engines_format_and_the_engine_projects_and_extends_them() throws Exception {
        CaseDataset dataset = new CaseDataset(12, new CaseDataset.Sizes(30, 300, 0, 0, 0, 30));
        EventStoreLoader.load(dataset, storage, 50);
        CaseDataset engineMade = new CaseDataset(13, new CaseDataset.Sizes(1, 1, 0, 0, 0, 0));
        GeneratedEvent request = engineMade.events().get(0);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(CommandWorkload.commandFor(request.payload()))
                .andMetaData(Map.of(EventMetadata.ACTOR, request.actor())));
        OpenCase open = dataset.openCases().get(dataset.openCases().size() - 1);

        Map<String, Object> loaded = row(open.request().caseId().toString());
        Map<String, Object> stored = row(request.payload().caseId().toString());
        for (String column : List.of("type", "payload_type", "payload_revision")) {
            assertThat(loaded.get(column)).as(column).isEqualTo(stored.get(column));
        }
        assertThat(fieldNames((byte[]) loaded.get("meta_data")))
                .isEqualTo(fieldNames((byte[]) stored.get("meta_data")));
        assertThat(fieldNames((byte[]) loaded.get("payload"))).isEqualTo(fieldNames((byte[]) stored.get("payload")));
        assertThat(Instant.parse((String) loaded.get("time_stamp"))).isBefore(CaseDataset.END);

        long lastVersion = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry " + "WHERE aggregate_identifier = ?",
                Long.class,
                open.request().caseId().toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForList(
                                "SELECT version FROM case_view WHERE case_id = ?",
                                Long.class,
                                open.request().caseId().value())
                        .contains(lastVersion));
        long version = lastVersion;
        Instant at = CaseDataset.END.plus(Duration.ofDays(2));
        for (SubjectId party : FamilyGenerator.partiesWhoseConsentVisitsNeed(open.request())) {
            if (!open.consenting().contains(party)) {
                version = send(new RecordConsent(open.request().caseId(), version, at, party));
            }
        }
        assertThat(send(new MediateVisit(
                        open.request().caseId(),
                        version,
                        at.plus(Duration.ofDays(1)),
                        FamilyGenerator.minorsOn(open.request(), at),
                        VisitPlace.PRISON_VISITING_ROOM,
                        null,
                        Accompanier.staff(open.caseworker()),
                        Accompaniment.PROFESSIONAL,
                        60,
                        30)))
                .isEqualTo(version + 1);
    }

    private long send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(EventMetadata.ACTOR, "claire.caseworker")));
    }

    private Map<String, Object> row(String caseId) {
        return jdbc.queryForMap("""
                SELECT type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""", caseId);
    }

    private static List<String> fieldNames(byte[] json) throws Exception {
        JsonNode node = JSON.readTree(json);
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.stream().sorted().toList();
    }
}
