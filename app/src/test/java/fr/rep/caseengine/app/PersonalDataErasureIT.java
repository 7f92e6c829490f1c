package fr.rep.caseengine.app;

import static fr.rep.caseengine.app.CaseApi.daysAgo;
import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.hashchain.StoreChainSealer;
import fr.rep.caseengine.app.hashchain.StoreVerification;
import fr.rep.caseengine.app.hashchain.VerificationReport;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.staff.Role;
import fr.rep.caseengine.query.rebuild.ProjectionRebuilds;
import fr.rep.caseengine.query.rebuild.RebuildProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasing a person on request: the key goes with the event that records it, the stored history stays byte for byte,
 * the views show the person without a name, and the case's figures do not move, also once the views are rebuilt from
 * the events.
 */
class PersonalDataErasureIT extends EmbeddedDatabaseTest {

    static final String ADMINISTRATOR = "erasure.admin";
    static final String AUDITOR = "erasure.audit";

    @Autowired
    StoreVerification verification;

    @Autowired
    StoreChainSealer sealer;

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectionRebuilds rebuilds;

    CaseApi caseworker;
    CaseApi administrator;
    CaseApi auditor;

    @BeforeEach
    void clients() {
        caseworker = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
        administrator = new CaseApi(http, ADMINISTRATOR);
        auditor = new CaseApi(http, AUDITOR);
    }

    @Test
    void
            erasing_a_parent_and_a_child_destroys_their_keys_appends_two_events_and_leaves_history_and_figures_as_they_were() {
        DocumentContext opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String father = opened.read("$.detainedParent");
        String mother = opened.read("$.parties.mother");
        String lucas = opened.read("$.children[0]");
        caseworker.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        consent(caseId, father);
        consent(caseId, mother);
        assertThat(caseworker
                        .post("/api/cases/" + caseId + "/visits", """
                {"occurredAt": "%s", "children": ["%s"], "place": "PRISON_VISITING_ROOM", "kilometres": 0}""".formatted(daysAgo(1), lucas), Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        DocumentContext before = json(caseworker.get("/api/cases/" + caseId + "?minVersion=5"));
        Map<String, Object> listedBefore = listed(caseId, 5);
        List<Map<String, Object>> storedBefore = storedEvents(caseId);
        sealer.sealPending();
        VerificationReport.ChainHead notedHead =
                verification.verify(Optional.empty()).head();

        ResponseEntity<String> motherErased = erase(caseId, mother, Map.of());
        ResponseEntity<String> lucasErased = erase(caseId, lucas, Map.of());

        assertThat(motherErased.getStatusCode().value())
                .as(motherErased.getBody())
                .isEqualTo(200);
        assertThat(motherErased.getHeaders().getETag()).isEqualTo("\"6\"");
        assertThat(lucasErased.getHeaders().getETag()).isEqualTo("\"7\"");
        assertThat(keys(mother, lucas)).isZero();
        assertThat(keys(father)).isEqualTo(1);

        List<Map<String, Object>> storedAfter = storedEvents(caseId);
        assertThat(storedAfter.subList(0, storedBefore.size())).isEqualTo(storedBefore);
        assertThat(storedAfter).hasSize(storedBefore.size() + 2);
        String erasure = (String) storedAfter.get(storedBefore.size()).get("payload");
        assertThat(erasure)
                .contains(mother)
                .contains("REQUEST_OF_THE_PERSON")
                .doesNotContain("Anne")
                .doesNotContain("Dupont")
                .doesNotContain("06 12");
        assertThat(storedAfter.get(storedBefore.size()).get("payload_type").toString())
                .endsWith("PersonalDataErased");
        sealer.sealPending(); // the store chain is extended after commit (docs/audit.md)
        VerificationReport verified = verification.verify(Optional.of(new StoreVerification.NotedHead(
                notedHead.position(), HexFormat.of().parseHex(notedHead.storeLink()))));
        assertThat(verified.intact())
                .as(String.valueOf(verified.firstBrokenLink()))
                .isTrue();
        assertThat(verified.notedHead().matches()).isTrue();
        assertThat(verified.head().position()).isGreaterThanOrEqualTo(notedHead.position() + 2);

        DocumentContext after = json(caseworker.get("/api/cases/" + caseId + "?minVersion=7"));
        assertThat(after.read("$.adults[?(@.role == 'FREE_PARENT')].name", List.class))
                .containsExactly((Object) null);
        assertThat(after.read("$.adults[?(@.role == 'FREE_PARENT')].erased", List.class))
                .containsExactly(true);
        assertThat(after.read("$.adults[?(@.role == 'FREE_PARENT')].consent.given", List.class))
                .containsExactly(true);
        assertThat(after.read("$.adults[?(@.role == 'DETAINED_PARENT')].name", List.class))
                .containsExactly("Marc Dupont");
        assertThat(after.read("$.children[*].name", List.class)).containsExactly(null, "Emma Dupont");
        assertThat(after.read("$.children[*].erased", List.class)).containsExactly(true, false);
        for (String fact : List.of("birthDate", "department", "housing", "parentalAuthority", "subjectId")) {
            assertThat(after.read("$.children[*]." + fact, List.class))
                    .as(fact)
                    .isEqualTo(before.read("$.children[*]." + fact, List.class));
        }
        for (String fact : List.of(
                "stage",
                "team",
                "prison",
                "visitCount",
                "penalStatus",
                "referrerType",
                "educationalOrJudicialMeasure",
                "receivedAt")) {
            assertThat((Object) after.read("$." + fact)).as(fact).isEqualTo(before.read("$." + fact));
        }
        Map<String, Object> listedAfter = listed(caseId, 7);
        listedBefore.remove("version");
        listedAfter.remove("version");
        assertThat(listedAfter).isEqualTo(listedBefore);

        DocumentContext history = json(caseworker.get("/api/cases/" + caseId + "/history"));
        assertThat(history.read("$.events[-2:].type", List.class))
                .containsExactly("PersonalDataErased", "PersonalDataErased");
        assertThat(history.read("$.events[-2:].actor", List.class)).containsExactly(ADMINISTRATOR, ADMINISTRATOR);
        assertThat(history.read("$.events[-2:].reason", List.class))
                .containsExactly("REQUEST_OF_THE_PERSON", "REQUEST_OF_THE_PERSON");
        assertThat(history.read("$.events[*].summary", List.class).toString()).doesNotContain("Anne", "Lucas");

        DocumentContext trail = json(auditor.get("/api/erasures?caseId=" + caseId));
        assertThat(trail.read("$.erasures[*].subjectId", List.class)).containsExactlyInAnyOrder(mother, lucas);
        assertThat(trail.read("$.erasures[*].keyDestroyed", List.class)).containsOnly(true);
        assertThat(trail.read("$.erasures[*].actor", List.class)).containsOnly(ADMINISTRATOR);
        assertThat(trail.read("$.erasures[*].reason", List.class)).containsOnly("REQUEST_OF_THE_PERSON");
    }

    @Test
    void a_refused_erasure_destroys_no_key() {
        DocumentContext opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String father = opened.read("$.detainedParent");
        String mother = opened.read("$.parties.mother");
        assertThat(erase(caseId, mother, Map.of()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> again = erase(caseId, mother, Map.of());
        ResponseEntity<String> stale = erase(caseId, father, Map.of("If-Match", "\"0\""));
        ResponseEntity<String> stranger = erase(caseId, UUID.randomUUID().toString(), Map.of());

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json(again).read("$.rule", String.class)).isEqualTo("person-erased-once");
        assertThat(stale.getStatusCode().value()).as(stale.getBody()).isEqualTo(409);
        assertThat(stranger.getStatusCode().value()).isEqualTo(409);
        assertThat(json(stranger).read("$.rule", String.class)).isEqualTo("erasure-of-a-person-of-the-case");
        assertThat(keys(father)).isEqualTo(1);
        assertThat(json(caseworker.get("/api/cases/" + caseId + "?minVersion=1"))
                        .read("$.adults[?(@.role == 'DETAINED_PARENT')].name", List.class))
                .containsExactly("Marc Dupont");
        assertThat(json(auditor.get("/api/erasures?caseId=" + caseId)).read("$.erasures[*].subjectId", List.class))
                .containsExactly(mother);
    }

    /** The other half of "the key goes if and only if the event is stored": a key that cannot go keeps the event out. */
    @Test
    void when_the_key_cannot_be_destroyed_the_erasure_is_not_stored() {
        DocumentContext opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String mother = opened.read("$.parties.mother");
        String trigger = "refuse_erasure_" + mother.replace('-', '_');
        owner().execute("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.subject_id = '%2$s' THEN RAISE EXCEPTION 'the key store is unavailable'; END IF;
                    RETURN OLD;
                END;
                $$;
                CREATE TRIGGER %1$s BEFORE DELETE ON personal_data_key FOR EACH ROW EXECUTE FUNCTION %1$s();
                """.formatted(trigger, mother));
        try {
            ResponseEntity<String> refused = erase(caseId, mother, Map.of());

            assertThat(refused.getStatusCode().is5xxServerError())
                    .as(refused.getBody())
                    .isTrue();
        } finally {
            owner().execute("DROP TRIGGER %1$s ON personal_data_key; DROP FUNCTION %1$s()".formatted(trigger));
        }
        assertThat(keys(mother)).isEqualTo(1);
        assertThat(storedEvents(caseId))
                .extracting(row -> row.get("payload_type").toString())
                .noneMatch(type -> type.endsWith("PersonalDataErased"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM personal_data_erasure WHERE case_id = ?",
                        Integer.class,
                        UUID.fromString(caseId)))
                .isZero();
        assertThat(erase(caseId, mother, Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(keys(mother)).isZero();
    }

    @Test
    void bad_erasure_requests_are_problems_naming_the_field_and_an_unknown_case_is_404() {
        DocumentContext opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String mother = opened.read("$.parties.mother");

        ResponseEntity<String> retention = administrator.post(
                "/api/cases/" + caseId + "/erasures",
                "{\"subject\": \"%s\", \"reason\": \"RETENTION_PERIOD_ENDED\"}".formatted(mother),
                Map.of());
        ResponseEntity<String> noSubject = administrator.post(
                "/api/cases/" + caseId + "/erasures", "{\"reason\": \"REQUEST_OF_THE_PERSON\"}", Map.of());
        ResponseEntity<String> unknownCase = erase(UUID.randomUUID().toString(), mother, Map.of());

        assertThat(retention.getStatusCode().value()).isEqualTo(400);
        assertThat(retention.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(retention.getBody()).contains("reason");
        assertThat(noSubject.getStatusCode().value()).isEqualTo(400);
        assertThat(noSubject.getBody()).contains("subject");
        assertThat(unknownCase.getStatusCode().value()).isEqualTo(404);
        assertThat(keys(mother)).isEqualTo(1);
    }

    @Test
    void a_projection_rebuilt_after_an_erasure_shows_the_person_erased_and_brings_no_name_back() throws Exception {
        DocumentContext opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String mother = opened.read("$.parties.mother");
        String emma = opened.read("$.children[1]");
        assertThat(erase(caseId, mother, Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(erase(caseId, emma, Map.of()).getStatusCode().value()).isEqualTo(200);
        DocumentContext before = json(caseworker.get("/api/cases/" + caseId + "?minVersion=2"));
        List<Map<String, Object>> peopleBefore = viewPeople(caseId);

        RebuildProgress rebuilt = rebuilds.rebuild("case-views", Duration.ofMinutes(3));

        assertThat(rebuilt.state()).as(rebuilt.failure()).isEqualTo(RebuildProgress.State.DONE);
        assertThat(viewPeople(caseId)).isEqualTo(peopleBefore);
        assertThat(peopleBefore)
                .filteredOn(row -> row.get("erased_at") != null)
                .extracting(row -> row.get("subject_id"))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(mother, emma);
        DocumentContext after = json(caseworker.get("/api/cases/" + caseId + "?minVersion=2"));
        assertThat(after.jsonString()).isEqualTo(before.jsonString());
        assertThat(after.read("$.adults[*].name", List.class)).containsExactly("Marc Dupont", null);
        assertThat(after.read("$.children[*].name", List.class)).containsExactly("Lucas Dupont", null);
        assertThat(json(caseworker.get("/api/cases/" + caseId + "/history")).read("$.events[*].type", List.class))
                .containsExactly("RequestReceived", "PersonalDataErased", "PersonalDataErased");
    }

    private List<Map<String, Object>> viewPeople(String caseId) {
        return jdbc.queryForList(
                "SELECT * FROM case_view_person WHERE case_id = ? ORDER BY position", UUID.fromString(caseId));
    }

    private ResponseEntity<String> erase(String caseId, String subject, Map<String, String> headers) {
        return administrator.post(
                "/api/cases/" + caseId + "/erasures",
                "{\"subject\": \"%s\", \"reason\": \"REQUEST_OF_THE_PERSON\"}".formatted(subject),
                headers);
    }

    private void consent(String caseId, String party) {
        ResponseEntity<String> answer = caseworker.post(
                "/api/cases/" + caseId + "/consents",
                "{\"occurredAt\": \"%s\", \"party\": \"%s\"}".formatted(daysAgo(2), party),
                Map.of());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    }

    /** The case as the case list shows it, once the list shows it at {@code version}. */
    private Map<String, Object> listed(String caseId, long version) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            List<Map<String, Object>> items = json(caseworker.get("/api/cases?size=200"))
                                    .read("$.items[?(@.caseId == '" + caseId + "')]", List.class);
                            return items.isEmpty() ? null : new java.util.HashMap<>(items.get(0));
                        },
                        item -> item != null && ((Number) item.get("version")).longValue() == version);
    }

    /** The stored rows of the case's events, payload and metadata as text, to compare before and after. */
    private List<Map<String, Object>> storedEvents(String caseId) {
        return jdbc.queryForList("""
                SELECT global_index, event_identifier, sequence_number, payload_type, payload, meta_data, time_stamp
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", caseId).stream()
                .map(row -> {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
                    copy.put("payload", new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
                    copy.put("meta_data", new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
                    return copy;
                })
                .toList();
    }

    private int keys(String... subjects) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_key WHERE subject_id = ANY (?)", Integer.class, (Object)
                        java.util.Arrays.stream(subjects).map(UUID::fromString).toArray(UUID[]::new));
    }
}
