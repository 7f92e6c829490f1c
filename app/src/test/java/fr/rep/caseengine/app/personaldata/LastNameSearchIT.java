package fr.rep.caseengine.app.personaldata;

import static fr.rep.caseengine.app.CaseApi.daysAgo;
import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding a family by the last name of anyone on the case ({@code GET /api/cases?name=}): accents, case, spaces and
 * hyphens aside, only among the cases the caller may open, no longer once the person is erased, and with no name in
 * clear in the database.
 */
class LastNameSearchIT extends EmbeddedDatabaseTest {

    static final String OTHER_TEAM = "search.paul";
    static final String ADMINISTRATOR = "search.admin";

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EncryptedPersonalDataStore store;

    CaseApi claire;
    CaseApi paul;
    CaseApi administrator;

    @BeforeEach
    void clients() {
        claire = CaseApi.caseworker(http, accounts);
        CaseApi.ensureAccount(accounts, OTHER_TEAM, Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        paul = new CaseApi(http, OTHER_TEAM);
        administrator = new CaseApi(http, ADMINISTRATOR);
    }

    @Test
    void a_family_is_found_by_a_last_name_whatever_its_accents_and_case_and_no_longer_once_that_person_is_erased() {
        DocumentContext opened = open(claire, "SOMME_AISNE_OISE", "MA_AMIENS", "Lefèvre", "Martin-Roux");
        String caseId = opened.read("$.caseId");
        String father = opened.read("$.detainedParent");
        await().until(() -> found(claire, "Lefèvre").contains(caseId));

        for (String spelling : List.of("lefevre", "LEFEVRE", "Lefevre", "  lefèvre ", "LEFÈVRE")) {
            assertThat(found(claire, spelling)).as(spelling).contains(caseId);
        }
        for (String spelling : List.of("martin roux", "Martin-Roux", "MARTIN  ROUX")) {
            assertThat(found(claire, spelling)).as(spelling).contains(caseId);
        }
        assertThat(found(claire, "Lefebvre")).doesNotContain(caseId);
        assertThat(found(claire, "Martin"))
                .as("the whole last name, not a part of it")
                .doesNotContain(caseId);

        ResponseEntity<String> erased = administrator.post(
                "/api/cases/" + caseId + "/erasures",
                "{\"subject\": \"%s\", \"reason\": \"REQUEST_OF_THE_PERSON\"}".formatted(father),
                Map.of());
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(200);

        assertThat(found(claire, "lefevre")).doesNotContain(caseId);
        assertThat(found(claire, "martin-roux"))
                .as("the others on the case are still found")
                .contains(caseId);
    }

    @Test
    void a_caseworker_does_not_find_a_family_of_the_other_team_by_its_name() {
        String theirs =
                open(paul, "PAS_DE_CALAIS", "MA_ARRAS", "Lefèvre", "Delattre").read("$.caseId");
        String ours = open(claire, "SOMME_AISNE_OISE", "MA_AMIENS", "Lefèvre", "Delattre")
                .read("$.caseId");
        await().until(() -> found(paul, "delattre").contains(theirs)
                && found(claire, "delattre").contains(ours));

        assertThat(found(claire, "DELATTRE")).contains(ours).doesNotContain(theirs);
        assertThat(found(paul, "DELATTRE")).contains(theirs).doesNotContain(ours);
    }

    @Test
    void the_database_holds_the_names_only_encrypted_or_hashed() {
        String caseId = open(claire, "SOMME_AISNE_OISE", "MA_AMIENS", "Lefèvre", "Brûlé")
                .read("$.caseId");
        await().until(() -> found(claire, "brule").contains(caseId));

        List<String> forms = List.of("Lefèvre", "lefevre", "Brûlé", "brule");
        List<String> tables = jdbc.queryForList("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""", String.class);
        assertThat(tables).contains("public.personal_data", "public.personal_data_search_key");
        for (String table : tables) {
            for (String form : forms) {
                String hex = HexFormat.of().formatHex(form.getBytes(StandardCharsets.UTF_8));
                Integer rows = jdbc.queryForObject(
                        "SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ? " + "OR t::text ILIKE ?",
                        Integer.class,
                        "%" + form + "%",
                        "%" + hex + "%");
                assertThat(rows).as(form + " in " + table).isZero();
            }
        }
        List<byte[]> hashes = jdbc.queryForList("""
                SELECT d.last_name_hash FROM personal_data d JOIN case_view_person p ON p.subject_id = d.subject_id
                WHERE p.case_id = ?::uuid""", byte[].class, caseId);
        assertThat(hashes).hasSize(3).allSatisfy(hash -> assertThat(hash).hasSizeGreaterThanOrEqualTo(32));
    }

    @Test
    void correcting_a_persons_details_moves_them_to_their_new_last_name() {
        SubjectId subject = SubjectId.random();
        store.record(subject, new PersonalDetails("Inès", "Benali", null, null, null));
        assertThat(store.withLastName("benali")).contains(subject);

        store.record(subject, new PersonalDetails("Inès", "Benali-Caron", null, null, null));

        assertThat(store.withLastName("benali")).doesNotContain(subject);
        assertThat(store.withLastName("BENALI CARON")).contains(subject);
        store.erase(subject);
        assertThat(store.withLastName("benali caron")).doesNotContain(subject);
    }

    @Test
    void people_recorded_before_last_name_search_are_hashed_by_the_migration() {
        SubjectId before = SubjectId.random();
        store.record(before, new PersonalDetails("Noé", "Vasseur-Örtel", null, null, null));
        jdbc.update("UPDATE personal_data SET last_name_hash = NULL WHERE subject_id = ?", before.value());
        assertThat(store.withLastName("vasseur ortel")).doesNotContain(before);

        assertThat(store.hashLastNamesRecordedBefore()).isGreaterThanOrEqualTo(1);

        assertThat(store.withLastName("Vasseur-Ortel")).contains(before);
    }

    @Test
    void a_name_without_a_letter_is_a_bad_request_naming_the_field() {
        ResponseEntity<String> answer = claire.get("/api/cases?name= - ' ");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).contains("name").contains("must contain a letter");
    }

    @Test
    void normalising_sets_accents_case_ligatures_and_separators_aside() {
        assertThat(LastNameIndex.normalised("  Lefèvre ")).isEqualTo("lefevre");
        assertThat(LastNameIndex.normalised("LE GOFF")).isEqualTo(LastNameIndex.normalised("le-goff"));
        assertThat(LastNameIndex.normalised("D'Œillet")).isEqualTo("d oeillet");
        assertThat(LastNameIndex.normalised("Nguyễn")).isEqualTo("nguyen");
        assertThat(LastNameIndex.normalised("-- ")).isEmpty();
    }

    private List<String> found(CaseApi caller, String name) {
        // The client encodes the query as a URI template: the name goes as typed.
        ResponseEntity<String> answer = caller.get("/api/cases?size=200&name=" + name);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return json(answer).read("$.items[*].caseId", List.class);
    }

    /** A case whose detained parent is named {@code fatherName}, the mother and the child {@code motherName}. */
    private static DocumentContext open(
            CaseApi caseworker, String team, String prison, String fatherName, String motherName) {
        ResponseEntity<String> answer = caseworker.post(
                "/api/cases", """
                {
                  "occurredAt": "%s", "referrerType": "FREE_PARENT", "channel": "PHONE",
                  "team": "%s", "prison": "%s",
                  "detainedParent": {"penalStatus": "SENTENCED", "person": {"firstName": "Karim", "lastName": "%s"}},
                  "parties": [{"ref": "mother", "role": "FREE_PARENT",
                               "person": {"firstName": "Julie", "lastName": "%s"}}],
                  "children": [{"birthDate": "2018-03-04", "department": "80", "housing": "WITH_FREE_PARENT",
                                "parentalAuthority": "mother", "person": {"firstName": "Léa", "lastName": "%s"}}],
                  "educationalOrJudicialMeasure": false
                }""".formatted(daysAgo(3), team, prison, fatherName, motherName, motherName), Map.of());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json(answer);
    }
}
