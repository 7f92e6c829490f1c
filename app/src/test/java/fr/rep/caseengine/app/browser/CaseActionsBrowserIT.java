package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The case page's actions in a real browser: sent through the command code, result at once, refusals in French. */
class CaseActionsBrowserIT extends BrowserTestBase {

    private static final By STAGE = By.cssSelector("section[aria-labelledby=situation-title] .notice strong");
    private static final By PARTIES = By.cssSelector("section[aria-labelledby=parties-title]");
    private static final By STATUS = By.cssSelector("#actions [role=status]");
    private static final By HISTORY = By.cssSelector("section[aria-labelledby=history-title]");
    private static final String TODAY =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(PARIS));

    @Test
    void a_caseworker_accepts_records_a_consent_is_refused_a_second_one_in_french_and_closes() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        Browser browser = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        assertThat(browser.text(STAGE)).isEqualTo("Accueil et évaluation");

        browser.submit(browser.find(By.cssSelector("#form-acceptation button")));

        assertThat(browser.text(By.cssSelector("#actions [role=status]")))
                .isEqualTo("La demande est acceptée : le dossier passe en médiation et mise en place.");
        assertThat(browser.text(STAGE))
                .as("read-your-write: the page shows the new stage at once")
                .isEqualTo("Médiation et mise en place");
        browser.waitForText(By.cssSelector("section[aria-labelledby=history-title]"), "Demande acceptée");

        new Select(browser.find(By.id("adhesion-party"))).selectByVisibleText("Anne Dupont (Parent libre)");
        browser.submit(browser.find(By.cssSelector("#form-adhesion button")));
        assertThat(browser.text(PARTIES)).containsPattern("Anne Dupont Parent libre Donnée le \\d\\d/\\d\\d/\\d{4}");

        new Select(browser.find(By.id("adhesion-party"))).selectByVisibleText("Anne Dupont (Parent libre)");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('adhesion-until').value = '2027-12-31'");
        browser.submit(browser.find(By.cssSelector("#form-adhesion button")));

        assertThat(browser.text(By.id("adhesion-refusal")))
                .isEqualTo("Cette adhésion est déjà en cours : elle ne s'enregistre pas une seconde fois.");
        assertThat(new Select(browser.find(By.id("adhesion-party")))
                        .getFirstSelectedOption()
                        .getText())
                .as("what was typed is kept")
                .isEqualTo("Anne Dupont (Parent libre)");
        assertThat(browser.find(By.id("adhesion-until")).getAttribute("value")).isEqualTo("2027-12-31");
        browser.assertAccessible().screenshot("dossier-regle-refusee");

        new Select(browser.find(By.id("cloture-reason"))).selectByVisibleText("Orientation vers un autre service");
        browser.submit(browser.find(By.cssSelector("#form-cloture button")));

        assertThat(browser.text(STAGE)).isEqualTo("Fin d'intervention");
        assertThat(browser.text(By.id("actions"))).contains("Aucune action n’est possible à cette étape");
        browser.waitForText(By.cssSelector("section[aria-labelledby=history-title]"), "Fin d'intervention");
        browser.assertAccessible();
    }

    @Test
    void the_second_of_two_browsers_changing_the_case_is_told_and_offered_a_reload() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        Browser first = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        Browser second = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);

        first.submit(first.find(By.cssSelector("#form-adhesion button")));
        assertThat(first.text(By.cssSelector("#actions [role=status]"))).isEqualTo("L’adhésion est enregistrée.");
        new Select(second.find(By.id("adhesion-party"))).selectByIndex(1);
        second.submit(second.find(By.cssSelector("#form-adhesion button")));

        assertThat(second.text(By.cssSelector("#actions [role=alert]")))
                .contains("Quelqu’un d’autre a modifié ce dossier pendant que vous le consultiez : rien n’a été "
                        + "enregistré.");
        assertThat(second.text(By.id("conflict-changes")))
                .as("what changed since the version the form carried")
                .isEqualTo("Adhésion du parent détenu enregistrée.");
        assertThat(second.text(PARTIES))
                .as("the case as it is now")
                .containsPattern("Marc Dupont Parent détenu Donnée le \\d\\d/\\d\\d/\\d{4}");
        assertThat(new Select(second.find(By.id("adhesion-party")))
                        .getFirstSelectedOption()
                        .getText())
                .as("what was typed is kept")
                .isEqualTo("Anne Dupont (Parent libre)");
        second.assertAccessible().screenshot("dossier-conflit");
        second.find(By.linkText("Recharger le dossier")).click();
        assertThat(second.text(PARTIES)).containsPattern("Donnée le \\d\\d/\\d\\d/\\d{4}");
    }

    @Test
    void after_a_conflict_the_kept_entry_is_sent_again_at_the_new_version_and_recorded() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        Browser first = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        Browser second = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        first.submit(first.find(By.cssSelector("#form-acceptation button")));
        form(second, "entretien");
        new Select(second.find(By.id("entretien-kind"))).selectByVisibleText("1er entretien");
        second.find(By.id("entretien-participants-DETAINED_PARENT")).click();
        new Select(second.find(By.id("entretien-place"))).selectByVisibleText("En détention");
        second.submit(second.find(By.cssSelector("#form-entretien button")));

        assertThat(second.text(By.id("conflict-changes"))).isEqualTo("Demande acceptée après évaluation.");
        assertThat(second.text(STAGE)).isEqualTo("Médiation et mise en place");
        assertThat(second.find(By.id("entretien-participants-DETAINED_PARENT")).isSelected())
                .isTrue();
        assertThat(new Select(second.find(By.id("entretien-place")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("En détention");
        second.submit(second.find(By.cssSelector("#form-entretien button")));
        assertThat(second.text(STATUS)).isEqualTo("L’entretien est enregistré.");
        second.waitForText(HISTORY, "Entretien");
    }

    @Test
    void
            a_request_is_interviewed_its_penal_path_court_decisions_and_a_new_child_recorded_an_entry_corrected_then_declined_and_reopened() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        Browser browser = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        assertThat(browser.findAll(By.cssSelector("details.action-group[open]")))
                .as("the other actions are folded")
                .isEmpty();

        form(browser, "entretien");
        new Select(browser.find(By.id("entretien-kind"))).selectByVisibleText("1er entretien");
        browser.find(By.id("entretien-participants-FREE_PARENT")).click();
        new Select(browser.find(By.id("entretien-place"))).selectByVisibleText("Au service");
        browser.assertAccessible().screenshot("dossier-actions-groupees");
        browser.submit(browser.find(By.cssSelector("#form-entretien button")));
        assertThat(browser.text(STATUS)).isEqualTo("L’entretien est enregistré.");
        browser.waitForText(HISTORY, "Entretien");

        form(browser, "detention");
        new Select(browser.find(By.id("detention-change"))).selectByVisibleText("Transfert");
        browser.submit(browser.find(By.cssSelector("#form-detention button")));
        assertThat(browser.text(By.id("detention-prison-error")))
                .as("the API's input rule, in French")
                .isEqualTo("Un transfert demande le nouvel établissement.");
        assertThat(new Select(browser.find(By.id("detention-change")))
                        .getFirstSelectedOption()
                        .getText())
                .as("what was typed is kept")
                .isEqualTo("Transfert");
        browser.assertAccessible();
        new Select(browser.find(By.id("detention-prison"))).selectByVisibleText("Centre de détention de Bapaume");
        browser.submit(browser.find(By.cssSelector("#form-detention button")));
        assertThat(browser.text(STATUS)).isEqualTo("L’évolution de la situation pénale est enregistrée.");
        assertThat(browser.text(By.id("custody"))).contains(TODAY + " Transfert Centre de détention de Bapaume");

        form(browser, "decision");
        new Select(browser.find(By.id("decision-court"))).selectByVisibleText("Juge aux affaires familiales (JAF)");
        new Select(browser.find(By.id("decision-rights")))
                .selectByVisibleText("Droit de visite accordé en visite médiatisée");
        browser.submit(browser.find(By.cssSelector("#form-decision button")));
        assertThat(browser.text(By.id("court-decisions")))
                .contains(TODAY + " Juge aux affaires familiales (JAF) "
                        + "Droit de visite accordé en visite médiatisée Lucas Dupont, Emma Dupont");

        form(browser, "interdiction");
        new Select(browser.find(By.id("interdiction-court"))).selectByVisibleText("Juridiction pénale");
        browser.find(By.id("interdiction-child-1")).click();
        browser.submit(browser.find(By.cssSelector("#form-interdiction button")));
        assertThat(browser.text(By.id("no-contact-orders")))
                .contains("Lucas Dupont Juridiction pénale " + TODAY + " En vigueur")
                .doesNotContain("Emma");
        form(browser, "levee");
        browser.find(By.id("levee-child-1")).click();
        browser.submit(browser.find(By.cssSelector("#form-levee button")));
        assertThat(browser.text(By.id("no-contact-orders")))
                .contains("Lucas Dupont Juridiction pénale " + TODAY + " Levée le " + TODAY);

        form(browser, "enfant");
        browser.type(By.id("enfant-firstName"), "Jade");
        browser.type(By.id("enfant-lastName"), "Dupont");
        setValue(browser, "enfant-birthDate", LocalDate.now(PARIS).plusDays(3).toString());
        new Select(browser.find(By.id("enfant-housing"))).selectByVisibleText("Chez le parent libre");
        browser.submit(browser.find(By.cssSelector("#form-enfant button")));
        assertThat(browser.text(By.id("enfant-birthDate-error")))
                .as("the API's rule: a birth date in the past")
                .isEqualTo("Indiquez une date de naissance passée.");
        assertThat(browser.find(By.id("enfant-firstName")).getAttribute("value"))
                .isEqualTo("Jade");
        setValue(
                browser, "enfant-birthDate", LocalDate.now(PARIS).minusMonths(3).toString());
        browser.submit(browser.find(By.cssSelector("#form-enfant button")));
        assertThat(browser.text(STATUS)).isEqualTo("L’enfant est ajouté au dossier.");
        assertThat(browser.text(PARTIES)).contains("Jade Dupont moins d’un an");

        form(browser, "correction");
        new Select(browser.find(By.id("correction-entry"))).selectByVisibleText("Entretien du " + TODAY);
        new Select(browser.find(By.id("correction-reason"))).selectByVisibleText("Saisie par erreur");
        browser.submit(browser.find(By.cssSelector("#form-correction button")));
        assertThat(browser.text(STATUS)).startsWith("La saisie est corrigée");
        browser.waitForText(HISTORY, "Saisie corrigée");
        assertThat(browser.findAll(By.cssSelector("#correction-entry option")).stream()
                        .map(WebElement::getText))
                .as("an entry is corrected once")
                .doesNotContain("Entretien du " + TODAY);

        form(browser, "refus");
        new Select(browser.find(By.id("refus-reason"))).selectByVisibleText("Refus d'une partie");
        browser.find(By.id("refus-notified")).click();
        browser.submit(browser.find(By.cssSelector("#form-refus button")));
        assertThat(browser.text(STAGE)).isEqualTo("Intervention impossible");
        assertThat(browser.findAll(By.cssSelector("#actions form")).stream().map(f -> f.getAttribute("id")))
                .as("only the reopening is offered")
                .containsExactly("form-reouverture");
        browser.assertAccessible();

        browser.submit(browser.find(By.cssSelector("#form-reouverture button")));
        assertThat(browser.text(STAGE)).isEqualTo("Accueil et évaluation");
        browser.waitForText(HISTORY, "Dossier rouvert");
        assertThat(browser.text(HISTORY))
                .contains(
                        "Intervention impossible",
                        "Décision du juge",
                        "Interdiction d'entrer en relation",
                        "Levée de l'interdiction d'entrer en relation",
                        "Enfant ajouté",
                        "Évolution de la situation pénale");
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('custody-title').scrollIntoView()");
        browser.assertAccessible().screenshot("dossier-situation-penale-et-justice");
    }

    @Test
    void
            a_supported_family_s_withdrawal_review_contact_step_home_and_nursery_visits_cancellation_permit_end_and_assignment() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        DocumentContext opened = claire.openCase();
        String caseId = opened.read("$.caseId");
        claire.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        claire.post(
                "/api/cases/" + caseId + "/consents",
                """
                {"occurredAt": "%s", "party": "%s"}""".formatted(CaseApi.daysAgo(5), opened.read("$.parties.mother")),
                Map.of());
        claire.post(
                "/api/cases/" + caseId + "/children",
                """
                {"occurredAt": "%s", "birthDate": "%s", "housing": "WITH_MOTHER_IN_PRISON", "parentalAuthority": "%s",
                 "person": {"firstName": "Léna", "lastName": "Dupont"}}""".formatted(CaseApi.daysAgo(5), LocalDate.now(PARIS).minusMonths(4), opened.read("$.parties.mother")),
                Map.of());
        Browser browser = browser()
                .open("/connexion")
                .signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        assertThat(browser.text(PARTIES)).containsPattern("Anne Dupont Parent libre Donnée le");

        form(browser, "retrait");
        new Select(browser.find(By.id("retrait-party"))).selectByVisibleText("Anne Dupont (Parent libre)");
        browser.submit(browser.find(By.cssSelector("#form-retrait button")));
        assertThat(browser.text(PARTIES)).contains("Anne Dupont Parent libre Retirée le " + TODAY);

        form(browser, "bilan");
        browser.type(By.id("bilan-perMonth"), "2");
        browser.submit(browser.find(By.cssSelector("#form-bilan button")));
        assertThat(browser.text(STATUS)).isEqualTo("La synthèse est enregistrée.");

        form(browser, "contact");
        new Select(browser.find(By.id("contact-step"))).selectByVisibleText("Photo envoyée");
        new Select(browser.find(By.id("contact-mediatedBy"))).selectByVisibleText("Professionnel");
        browser.submit(browser.find(By.cssSelector("#form-contact button")));
        assertThat(browser.text(STATUS)).isEqualTo("L’étape de reprise de contact est enregistrée.");

        form(browser, "domicile");
        browser.type(By.id("domicile-kilometres"), "18");
        browser.submit(browser.find(By.cssSelector("#form-domicile button")));
        assertThat(browser.text(STATUS)).isEqualTo("La visite à domicile est enregistrée.");

        form(browser, "eaje");
        new Select(browser.find(By.id("eaje-child"))).selectByVisibleText("Lucas Dupont");
        browser.type(By.id("eaje-kilometres"), "25");
        browser.submit(browser.find(By.cssSelector("#form-eaje button")));
        assertThat(browser.text(By.id("eaje-refusal")))
                .isEqualTo(
                        "L'accompagnement EAJE concerne un enfant du " + "dossier qui vit avec sa mère en détention.");
        assertThat(browser.find(By.id("eaje-kilometres")).getAttribute("value")).isEqualTo("25");
        browser.assertAccessible().screenshot("dossier-eaje-refuse");
        new Select(browser.find(By.id("eaje-child"))).selectByVisibleText("Léna Dupont");
        browser.submit(browser.find(By.cssSelector("#form-eaje button")));
        assertThat(browser.text(STATUS)).isEqualTo("L’accompagnement EAJE est enregistré.");

        form(browser, "derogation");
        new Select(browser.find(By.id("derogation-child"))).selectByVisibleText("Léna Dupont");
        browser.submit(browser.find(By.cssSelector("#form-derogation button")));
        assertThat(browser.text(STATUS)).isEqualTo("La dérogation est enregistrée.");

        setValue(
                browser,
                "programmation-plannedFor",
                LocalDateTime.now(ZoneId.of("Europe/Paris"))
                        .plusDays(5)
                        .withHour(10)
                        .withMinute(30)
                        .toString()
                        .substring(0, 16));
        browser.submit(browser.find(By.cssSelector("#form-programmation button")));
        assertThat(browser.text(By.id("planned-visits"))).contains("10:30 Au parloir 3 À venir");
        form(browser, "annulation");
        new Select(browser.find(By.id("annulation-reason"))).selectByVisibleText("Enfant malade");
        browser.submit(browser.find(By.cssSelector("#form-annulation button")));
        assertThat(browser.text(STATUS)).isEqualTo("La visite est annulée.");
        assertThat(browser.text(By.id("planned-visits"))).contains("10:30 Au parloir 3 Annulée");
        assertThat(browser.findAll(By.id("form-annulation")))
                .as("no visit left to cancel")
                .isEmpty();

        assertThat(browser.text(By.id("permits")))
                .contains("claire Maison d'arrêt d'Amiens")
                .contains("En cours de validité");
        form(browser, "fin-permis");
        browser.submit(browser.find(By.cssSelector("#form-fin-permis button")));
        assertThat(browser.text(STATUS)).isEqualTo("La fin du permis de visite est enregistrée.");
        assertThat(browser.text(By.id("permits"))).contains("Terminé le " + TODAY);
        browser.waitForText(HISTORY, "Fin du permis de visite");
        assertThat(browser.text(HISTORY))
                .contains(
                        "Retrait de l'adhésion",
                        "Synthèse pluridisciplinaire",
                        "Étape de reprise de contact",
                        "Visite à domicile",
                        "Accompagnement EAJE",
                        "Dérogation jusqu'à 24 mois",
                        "Visite annulée");
        assertThat(browser.findAll(By.id("form-affectation")))
                .as("assigning is for team managers")
                .isEmpty();
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('visits-title').scrollIntoView()");
        browser.assertAccessible().screenshot("dossier-visites-et-permis");

        CaseApi.ensureAccount(accounts, "mathilde", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        Browser manager = browser()
                .open("/connexion")
                .signIn("mathilde", CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        assertThat(manager.findAll(By.cssSelector("#actions form")).stream().map(f -> f.getAttribute("id")))
                .as("a team manager assigns; recording is the caseworkers'")
                .containsExactly("form-affectation");
        form(manager, "affectation");
        manager.type(By.id("affectation-caseworker"), "nobody-here");
        manager.submit(manager.find(By.cssSelector("#form-affectation button")));
        assertThat(manager.text(By.id("affectation-caseworker-error")))
                .isEqualTo("Indiquez l’identifiant d’un compte d’intervenant(e) actif.");
        manager.type(By.id("affectation-caseworker"), CaseApi.CASEWORKER);
        manager.submit(manager.find(By.cssSelector("#form-affectation button")));
        assertThat(manager.text(STATUS)).isEqualTo("Le dossier est attribué.");
        assertThat(manager.text(By.cssSelector("section[aria-labelledby=situation-title]")))
                .contains("Intervenant(e) référent(e)\nclaire");
        manager.assertAccessible();
    }

    /** Opens the folded group holding a form, as a caseworker does by clicking its title. */
    private static void form(Browser browser, String name) {
        WebElement group = browser.find(By.xpath("//form[@id='form-" + name + "']/ancestor::details"));
        if (group.getAttribute("open") == null) {
            group.findElement(By.tagName("summary")).click();
        }
    }

    /** Date pickers take their keys in the browser's locale: the value is set as the form would send it. */
    private static void setValue(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }
}
