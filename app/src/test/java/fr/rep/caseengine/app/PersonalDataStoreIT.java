package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.personaldata.EncryptedPersonalDataStore;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.SubjectId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Names live encrypted, one key per person; destroying the key erases the person and leaves the events intact. */
class PersonalDataStoreIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EncryptedPersonalDataStore store;

    @Test
    void personal_details_are_stored_encrypted_and_read_back() {
        DocumentContext opened = CaseApi.caseworker(http, accounts).openCase();
        SubjectId mother = SubjectId.of(opened.read("$.parties.mother"));

        byte[] stored = jdbc.queryForObject(
                "SELECT ciphertext FROM personal_data WHERE subject_id = ?", byte[].class, mother.value());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("Anne")
                .doesNotContain("Dupont")
                .doesNotContain("06 12");
        assertThat(store.read(mother)).hasValueSatisfying(details -> {
            assertThat(details.firstName()).isEqualTo("Anne");
            assertThat(details.phone()).isEqualTo("06 12 34 56 78");
        });
    }

    @Test
    void each_person_has_a_key_of_their_own() {
        DocumentContext opened = CaseApi.caseworker(http, accounts).openCase();
        List<byte[]> keys = jdbc.queryForList(
                "SELECT wrapped_keyset FROM personal_data_key WHERE subject_id IN (?, ?)",
                byte[].class,
                SubjectId.of(opened.read("$.parties.mother")).value(),
                SubjectId.of(opened.read("$.detainedParent")).value());

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    @Test
    void erasing_a_person_makes_them_unreadable_everywhere_while_the_history_stays_whole() {
        CaseApi api = CaseApi.caseworker(http, accounts);
        DocumentContext opened = api.openCase();
        String caseId = opened.read("$.caseId");
        SubjectId lucas = SubjectId.of(opened.read("$.children[0]"));
        byte[] payloadBefore = firstPayload(caseId);

        assertThat(store.erase(lucas)).isTrue();

        assertThat(store.read(lucas)).isEmpty();
        DocumentContext view = json(api.get("/api/cases/" + caseId + "?minVersion=0"));
        assertThat(view.read("$.children[*].name", List.class))
                .containsExactly("[personal data not available]", "Emma Dupont");
        assertThat(view.read("$.children[0].birthDate", String.class)).isEqualTo("2017-05-02");
        assertThat(firstPayload(caseId)).isEqualTo(payloadBefore);
        assertThat(json(api.get("/api/cases/" + caseId + "/history")).read("$.events.length()", Integer.class))
                .isEqualTo(1);
        assertThat(store.erase(lucas)).isFalse();
    }

    private byte[] firstPayload(String caseId) {
        return jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                byte[].class,
                caseId);
    }
}
