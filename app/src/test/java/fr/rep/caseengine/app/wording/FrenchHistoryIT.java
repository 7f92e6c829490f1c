package fr.rep.caseengine.app.wording;

import static fr.rep.caseengine.app.CaseApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The French history of a case recorded through the API: a sentence for each entry of its history, by event id. */
class FrenchHistoryIT extends EmbeddedDatabaseTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AccountStore accounts;

    @Autowired
    FrenchHistory french;

    @Test
    void every_entry_of_a_cases_history_has_its_french_sentence() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        String caseId = claire.openCase().read("$.caseId");
        claire.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        DocumentContext history = json(claire.get("/api/cases/" + caseId + "/history?minVersion=2"));
        List<String> eventIds = history.read("$.events[*].eventId", List.class);

        Map<String, String> sentences = french.sentences(UUID.fromString(caseId));

        assertThat(eventIds).hasSize(3);
        assertThat(sentences).containsOnlyKeys(eventIds);
        assertThat(sentences.get(eventIds.get(0)))
                .isEqualTo("Demande reçue par téléphone, à l'initiative du parent "
                        + "libre : 2 enfants, parent condamné à la Maison d'arrêt d'Amiens, antenne Somme–Aisne–Oise, avec "
                        + "une mesure éducative et/ou judiciaire.");
        assertThat(sentences.get(eventIds.get(1))).isEqualTo("Demande acceptée après évaluation.");
        assertThat(sentences.get(eventIds.get(2)))
                .startsWith(
                        "Permis de visite obtenu par claire pour la Maison " + "d'arrêt d'Amiens, valable jusqu'au ");
        assertThat(french.sentences(UUID.randomUUID())).isEmpty();
    }
}
