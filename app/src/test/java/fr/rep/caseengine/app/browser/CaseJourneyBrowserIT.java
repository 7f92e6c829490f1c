package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.staff.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.ResponseEntity;

/**
 * A family's way through the service in a real browser: found by its name, its request recorded in the reception
 * form, then accepted, consents, permit, a visit planned and held, and the case closed, the history telling it in
 * French; and the rules said beside the forms.
 */
class CaseJourneyBrowserIT extends BrowserTestBase {

    private static final By STAGE = By.cssSelector("section[aria-labelledby=situation-title] .notice strong");
    private static final By STATUS = By.cssSelector("#actions [role=status]");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void the_family_is_found_by_its_last_name_typed_without_accents_and_in_another_case() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        String other = claire.openCase().read("$.caseId");
        String family = CaseApi.json(
                        claire.post("/api/cases", CaseApi.newFamily().replace("Dupont", "Lefèvre-Hérault"), Map.of()))
                .read("$.caseId");
        Browser browser = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers");

        browser.type(By.id("name"), "LEFEVRE-HERAULT");
        browser.submit(browser.find(By.cssSelector("form.filters button")));

        assertThat(browser.path()).contains("name=LEFEVRE-HERAULT");
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("LEFEVRE-HERAULT");
        assertThat(browser.find(By.cssSelector("a[href='/dossiers/" + family + "']"))
                        .getText())
                .isEqualTo("Marc Lefèvre-Hérault");
        assertThat(browser.findAll(By.cssSelector("a[href='/dossiers/" + other + "']")))
                .isEmpty();
        assertThat(browser.text(By.cssSelector("main [role=status]"))).isEqualTo("1 dossier");
        browser.assertAccessible().screenshot("dossiers-recherche-nom");

        browser.type(By.id("name"), "--");
        browser.submit(browser.find(By.cssSelector("form.filters button")));
        assertThat(browser.text(By.id("name-error"))).startsWith("Le nom doit contenir au moins une lettre");
        browser.assertAccessible();
    }

    @Test
    void the_family_found_by_its_last_name_is_no_longer_found_once_that_person_is_erased() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        DocumentContext opened = CaseApi.json(claire.post(
                "/api/cases",
                CaseApi.newFamily()
                        .replace(
                                "\"firstName\": \"Marc\", \"lastName\": \"Dupont\"",
                                "\"firstName\": \"Marc\", \"lastName\": \"Vasseur-Éloi\""),
                Map.of()));
        String caseId = opened.read("$.caseId");
        By family = By.cssSelector("a[href='/dossiers/" + caseId + "']");
        Browser browser = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers");
        browser.type(By.id("name"), "vasseur eloi");
        browser.submit(browser.find(By.cssSelector("form.filters button")));
        assertThat(browser.find(family).getText()).isEqualTo("Marc Vasseur-Éloi");
        assertThat(browser.text(By.cssSelector("main [role=status]"))).isEqualTo("1 dossier");
        browser.assertAccessible();

        // The data protection officer's instruction, carried out by an administrator through the API as today.
        CaseApi.ensureAccount(accounts, "journey.dpo", Set.of(Role.ADMINISTRATOR), null);
        ResponseEntity<String> erased = new CaseApi(http, "journey.dpo")
                .post(
                        "/api/cases/" + caseId + "/erasures",
                        "{\"subject\": \"%s\", \"reason\": \"REQUEST_OF_THE_PERSON\"}"
                                .formatted((String) opened.read("$.detainedParent")),
                        Map.of());
        assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(200);

        browser.submit(browser.find(By.cssSelector("form.filters button")));
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("vasseur eloi");
        assertThat(browser.findAll(family)).isEmpty();
        assertThat(browser.text(By.cssSelector("main [role=status]"))).isEqualTo("Aucun dossier");
        assertThat(browser.pageText()).doesNotContain("Vasseur");
        browser.assertAccessible().screenshot("dossiers-recherche-apres-effacement");
    }

    @Test
    void the_reception_form_says_each_error_beside_its_field_keeps_what_was_typed_and_opens_one_case_when_resent() {
        CaseApi.caseworker(http, accounts);
        Browser browser = browser().open("/connexion").signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD);
        browser.find(By.linkText("Nouvelle demande")).click();
        assertThat(browser.heading()).isEqualTo("Nouvelle demande");
        browser.type(By.id("dp-firstName"), "Karim");
        browser.type(By.id("dp-lastName"), "Benali");
        browser.submit(browser.find(By.xpath("//button[text()='Ajouter un enfant']")));
        assertThat(browser.findAll(By.cssSelector("fieldset[id^=child-]"))).hasSize(2);
        assertThat(browser.find(By.id("dp-lastName")).getAttribute("value")).isEqualTo("Benali");
        browser.submit(browser.find(By.xpath("//button[text()='Retirer l’enfant 2']")));
        assertThat(browser.findAll(By.cssSelector("fieldset[id^=child-]"))).hasSize(1);

        browser.type(By.id("child-0-department"), "8O");
        browser.submit(browser.find(By.id("submit-request")));

        assertThat(browser.text(By.cssSelector("main [role=alert]"))).startsWith("La demande n’est pas enregistrée");
        assertThat(browser.text(By.id("referrerType-error"))).isEqualTo("Ce champ est à renseigner.");
        assertThat(browser.text(By.id("dp-penalStatus-error"))).isEqualTo("Ce champ est à renseigner.");
        assertThat(browser.text(By.id("child-0-birthDate-error"))).isEqualTo("Ce champ est à renseigner.");
        assertThat(browser.text(By.id("child-0-department-error")))
                .isEqualTo("Indiquez un numéro de département français, comme 80 ou 2A.");
        assertThat(browser.text(By.id("party-0-firstName-error"))).isEqualTo("Ce champ est à renseigner.");
        assertThat(browser.find(By.id("child-0-department")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find(By.id("dp-firstName")).getAttribute("value")).isEqualTo("Karim");
        assertThat(browser.findAll(By.id("dp-firstName-error"))).isEmpty();
        browser.assertAccessible().screenshot("nouvelle-demande-erreurs");

        fillFamily(browser, "Karim", "Benali", "Nadia", "Benali", "Inès");
        String form = browser.driver().getPageSource();
        // The same form sent twice (a double click, a resend): one key, so one case, and both answers lead to it.
        @SuppressWarnings("unchecked")
        List<String> answers = (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('form-demande');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                send().then(first => send().then(second => done([first.url, second.url])));""");
        assertThat(answers.get(0)).contains("/dossiers/").isEqualTo(answers.get(1));
        browser.driver().get(answers.get(0));
        assertThat(browser.heading()).isEqualTo("Dossier de Karim Benali");
        browser.open("/dossiers?name=benali");
        assertThat(browser.text(By.cssSelector("main [role=status]"))).isEqualTo("1 dossier");
        assertThat(form).doesNotContain("<script>").doesNotContain(" onclick=");
    }

    @Test
    void claire_records_a_new_family_and_follows_it_to_the_close_and_the_history_tells_the_story() {
        CaseApi.caseworker(http, accounts);
        Browser browser = browser().open("/connexion").signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD);
        browser.find(By.linkText("Nouvelle demande")).click();
        browser.submit(browser.find(By.xpath("//button[text()='Ajouter un enfant']")));
        fillFamily(browser, "Sébastien", "Moreau", "Julie", "Moreau", "Léo");
        browser.type(By.id("child-1-firstName"), "Chloé");
        browser.type(By.id("child-1-lastName"), "Moreau");
        date(browser, "child-1-birthDate", LocalDate.now(PARIS).minusYears(4));
        new Select(browser.find(By.id("child-1-housing"))).selectByVisibleText("Chez le parent libre");
        new Select(browser.find(By.id("child-1-authority"))).selectByIndex(1);
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        browser.assertAccessible().screenshot("nouvelle-demande");
        browser.submit(browser.find(By.id("submit-request")));

        assertThat(browser.heading()).isEqualTo("Dossier de Sébastien Moreau");
        assertThat(browser.text(STAGE)).isEqualTo("Accueil et évaluation");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=parties-title]")))
                .contains("Julie Moreau")
                .contains("Léo Moreau")
                .contains("Chloé Moreau");
        assertThat(browser.findAll(By.id("form-visite")))
                .as("no visit form before acceptance")
                .isEmpty();

        browser.submit(browser.find(By.cssSelector("#form-acceptation button")));
        assertThat(browser.text(STAGE)).isEqualTo("Médiation et mise en place");
        assertThat(browser.findAll(By.id("form-acceptation"))).isEmpty();

        new Select(browser.find(By.id("adhesion-party"))).selectByVisibleText("Sébastien Moreau (Parent détenu)");
        browser.submit(browser.find(By.cssSelector("#form-adhesion button")));
        new Select(browser.find(By.id("adhesion-party"))).selectByVisibleText("Julie Moreau (Parent libre)");
        browser.submit(browser.find(By.cssSelector("#form-adhesion button")));
        assertThat(browser.text(STATUS)).isEqualTo("L’adhésion est enregistrée.");

        date(browser, "permis-validUntil", LocalDate.now(PARIS).plusYears(1));
        browser.submit(browser.find(By.cssSelector("#form-permis button")));
        assertThat(browser.text(STATUS)).isEqualTo("Le permis de visite est enregistré.");

        dateTime(
                browser,
                "programmation-plannedFor",
                LocalDateTime.now(PARIS).plusDays(7).withHour(14).withMinute(0));
        browser.submit(browser.find(By.cssSelector("#form-programmation button")));
        assertThat(browser.text(STATUS)).isEqualTo("La visite est programmée.");

        browser.type(By.id("visite-duration"), "60");
        browser.type(By.id("visite-kilometres"), "42");
        new Select(browser.find(By.id("visite-accompaniedBy"))).selectByVisibleText("Professionnel");
        browser.assertAccessible().screenshot("dossier-visites");
        browser.submit(browser.find(By.cssSelector("#form-visite button")));
        assertThat(browser.text(STATUS)).isEqualTo("La visite est enregistrée.");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=situation-title]")))
                .containsPattern(
                        "Visites accompagnées 1 \\(dernière le \\d\\d/\\d\\d/\\d{4}\\)|Visites accompagnées\\s+1");

        new Select(browser.find(By.id("cloture-reason"))).selectByVisibleText("Orientation vers un autre service");
        browser.submit(browser.find(By.cssSelector("#form-cloture button")));
        assertThat(browser.text(STAGE)).isEqualTo("Fin d'intervention");

        browser.open(browser.path().replaceAll("\\?.*|#.*", "") + "/historique");
        assertThat(browser.heading()).isEqualTo("Historique du dossier");
        List<String> entries = browser.findAll(By.cssSelector(".timeline li strong")).stream()
                .map(WebElement::getText)
                .toList();
        String story = browser.text(By.cssSelector(".timeline"));
        assertThat(story)
                .as("the history reads as the family's story")
                .contains("Demande reçue par téléphone, à l'initiative du parent libre : 2 enfants, parent condamné à "
                        + "la Maison d'arrêt d'Amiens")
                .contains("Demande acceptée après évaluation.")
                .contains("Adhésion du parent détenu enregistrée.")
                .contains("Adhésion du parent libre enregistrée.")
                .contains("Permis de visite obtenu par claire pour la Maison d'arrêt d'Amiens, valable jusqu'au "
                        + FRENCH_DATE.format(LocalDate.now(PARIS).plusYears(1)))
                .contains("Visite planifiée au parloir le "
                        + FRENCH_DATE.format(LocalDate.now(PARIS).plusDays(7)) + " à 14:00 avec les 2 enfants")
                .contains("Visite accompagnée au parloir avec les 2 enfants")
                .contains("par un professionnel, 60 min, 42 km.")
                .contains("Fin d'intervention : orientation vers un autre service.");
        assertThat(entries)
                .containsSubsequence(
                        "Demande reçue",
                        "Demande acceptée",
                        "Adhésion enregistrée",
                        "Adhésion enregistrée",
                        "Permis de visite obtenu",
                        "Visite planifiée",
                        "Visite accompagnée",
                        "Fin d'intervention");
        assertThat(story).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-|\\b[A-Z]{2,}_[A-Z_]+\\b");
        browser.assertAccessible().screenshot("historique-parcours");
    }

    @Test
    void a_visit_before_consents_is_refused_with_the_french_rule() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        String caseId = claire.openCase().read("$.caseId");
        claire.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        Browser browser = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);

        browser.type(By.id("visite-duration"), "45");
        browser.type(By.id("visite-kilometres"), "0");
        browser.submit(browser.find(By.cssSelector("#form-visite button")));

        assertThat(browser.text(By.id("visite-refusal")))
                .isEqualTo("Une visite demande l'adhésion en cours du "
                        + "parent détenu et celle du titulaire de l'autorité parentale (ou de l'ASE) de chaque enfant présent "
                        + ": enregistrez d'abord les adhésions qui manquent à la date de la visite.");
        assertThat(browser.find(By.id("visite-duration")).getAttribute("value"))
                .as("what was typed is kept")
                .isEqualTo("45");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=situation-title]")))
                .contains("Visites accompagnées\n0");
        browser.assertAccessible().screenshot("dossier-visite-refusee");
    }

    /** Fills the reception form with a detained parent, a free mother and one child in her care. */
    static void fillFamily(
            Browser browser,
            String parentFirst,
            String parentLast,
            String motherFirst,
            String motherLast,
            String childFirst) {
        new Select(browser.find(By.id("referrerType"))).selectByVisibleText("Parent libre");
        new Select(browser.find(By.id("channel"))).selectByVisibleText("Téléphone");
        new Select(browser.find(By.id("prison"))).selectByVisibleText("Maison d'arrêt d'Amiens");
        browser.type(By.id("dp-firstName"), parentFirst);
        browser.type(By.id("dp-lastName"), parentLast);
        new Select(browser.find(By.id("dp-penalStatus"))).selectByVisibleText("Condamné");
        new Select(browser.find(By.id("party-0-role"))).selectByVisibleText("Parent libre");
        browser.type(By.id("party-0-firstName"), motherFirst);
        browser.type(By.id("party-0-lastName"), motherLast);
        browser.type(By.id("child-0-firstName"), childFirst);
        browser.type(By.id("child-0-lastName"), parentLast);
        date(browser, "child-0-birthDate", LocalDate.now(PARIS).minusYears(8));
        browser.type(By.id("child-0-department"), "80");
        new Select(browser.find(By.id("child-0-housing"))).selectByVisibleText("Chez le parent libre");
        new Select(browser.find(By.id("child-0-authority"))).selectByIndex(1);
    }

    /** Date pickers take their keys in the browser's locale: the value is set as the form would send it. */
    static void date(Browser browser, String id, LocalDate day) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, day.toString());
    }

    private static void dateTime(Browser browser, String id, LocalDateTime at) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "document.getElementById(arguments[0]).value = arguments[1]",
                        id,
                        at.toString().substring(0, 16));
    }
}
