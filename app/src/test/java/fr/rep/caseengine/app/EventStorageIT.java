package fr.rep.caseengine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** How events land in PostgreSQL: durable server, bytea payloads, revisions, metadata, duplicate detection. */
class EventStorageIT extends EmbeddedDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    EventStorageEngine storage;

    @Test
    void the_embedded_postgresql_is_version_17_and_durable() {
        assertThat(setting("server_version_num")).startsWith("17");
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void payloads_and_metadata_are_bytea_columns_not_large_objects() {
        List<String> types = jdbc.queryForList("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry') AND column_name IN ('payload', 'meta_data')""", String.class);
        assertThat(types).hasSize(4).containsOnly("bytea");
        assertThat(jdbc.queryForObject(
                        "SELECT data_type FROM information_schema.columns "
                                + "WHERE table_name = 'token_entry' AND column_name = 'token'",
                        String.class))
                .isEqualTo("bytea");
    }

    @Test
    void a_stored_event_carries_its_revision_its_times_the_actor_and_the_correlation_ids() throws Exception {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, payload, meta_data FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""", caseId);

        assertThat(row.get("payload_type")).isEqualTo("fr.rep.caseengine.events.familycase.RequestReceived");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        ObjectMapper json = new ObjectMapper();
        JsonNode payload = json.readTree((byte[]) row.get("payload"));
        assertThat(payload.get("caseId").asText()).isEqualTo(caseId);
        assertThat(payload.get("occurredAt").asText())
                .isNotEqualTo(payload.get("recordedAt").asText());
        assertThat(payload.toString())
                .doesNotContain("Dupont")
                .doesNotContain("Lucas")
                .doesNotContain("06 12");
        JsonNode metadata = json.readTree((byte[]) row.get("meta_data"));
        assertThat(metadata.get("actor").asText()).isEqualTo(CaseApi.CASEWORKER);
        assertThat(metadata.get("correlationId").asText()).isNotBlank();
        assertThat(metadata.get("traceId").asText()).isNotBlank();
    }

    @Test
    void appending_an_already_used_case_version_is_recognised_as_a_concurrent_write() {
        CaseApi api = CaseApi.caseworker(http, accounts);
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        api.post(
                "/api/cases/" + caseId + "/consents",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}"
                        .formatted(CaseApi.daysAgo(1), opened.read("$.detainedParent")),
                Map.of());
        InterventionClosed closing = new InterventionClosed(
                CaseId.of(caseId), Instant.now(), Instant.now(), ClosingReason.REQUEST_IMPOSSIBLE);

        assertThatThrownBy(
                        () -> storage.appendEvents(new GenericDomainEventMessage<>("FamilyCase", caseId, 1, closing)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(
                        () -> storage.appendEvents(new GenericDomainEventMessage<>("FamilyCase", caseId, 0, closing)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId))
                .isEqualTo(2);
    }

    private String setting(String name) {
        return jdbc.queryForObject("SELECT setting FROM pg_settings WHERE name = ?", String.class, name);
    }
}
