package fr.rep.caseengine.app.browser;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** « Dossiers » and a case's page in a real browser: French labels, filters, scope as in the API. */
class CasePagesBrowserTest extends BrowserTestBase {

    private static final Pattern UUID_OR_CONSTANT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-|\\b[A-Z]{2,}_[A-Z_]+\\b");

    @Test
    void a_caseworker_finds_the_case_in_the_list_and_opens_its_page_in_french() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        String caseId = claire.openCase().read("$.caseId");
        Browser browser = browser().open("/connexion").signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD);

        browser.find(By.linkText("Dossiers")).click();
        assertThat(browser.heading()).isEqualTo("Dossiers");
        new Select(browser.find(By.id("stage"))).selectByVisibleText("Accueil et évaluation");
        new Select(browser.find(By.id("prison"))).selectByVisibleText("Maison d'arrêt d'Amiens");
        browser.submit(browser.find(By.cssSelector("form.filters button")));
        assertThat(browser.path()).contains("stage=RECEPTION").contains("prison=MA_AMIENS");
        By row = By.cssSelector("a[href='/dossiers/" + caseId + "']");
        assertThat(browser.find(row).getText()).isEqualTo("Marc Dupont");
        assertThat(browser.text(By.tagName("table"))).contains("Accueil et évaluation")
                .contains("Maison d'arrêt d'Amiens").doesNotContainPattern(UUID_OR_CONSTANT);
        browser.assertAccessible().screenshot("dossiers");

        browser.find(row).click();

        assertThat(browser.path()).isEqualTo("/dossiers/" + caseId);
        assertThat(browser.heading()).isEqualTo("Dossier de Marc Dupont");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=situation-title]")))
                .contains("Accueil et évaluation — Demande enregistrée, dossier ouvert")
                .contains("Maison d'arrêt d'Amiens").contains("Condamné");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=parties-title]")))
                .contains("Anne Dupont").contains("Parent libre").contains("Pas encore recueillie")
                .contains("Lucas Dupont").containsPattern("\\d+ ans \\(né\\(e\\) le \\d\\d/\\d\\d/\\d{4}\\)");
        browser.waitForText(By.cssSelector("section[aria-labelledby=history-title]"), "Demande reçue");
        assertThat(browser.text(By.tagName("main"))).containsPattern("survenu le \\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d")
                .contains("par " + CaseApi.CASEWORKER).doesNotContainPattern(UUID_OR_CONSTANT);
        browser.assertAccessible().screenshot("dossier");
        browser.onPhone(() -> {
            browser.waitForText(By.cssSelector("section[aria-labelledby=history-title]"), "Demande reçue");
            browser.assertAccessible().screenshot("dossier-telephone");
        });
    }

    @Test
    void a_caseworker_of_the_other_team_gets_the_french_not_found_page_for_the_case() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        String paul = caseworker("pages.paul", Team.PAS_DE_CALAIS);
        Browser browser = browser().open("/connexion").signIn(paul, CaseApi.PASSWORD);

        browser.open("/dossiers/" + caseId);

        assertThat(browser.heading()).isEqualTo("Page introuvable");
        assertThat(browser.pageText()).contains("ce dossier n’est pas dans votre périmètre")
                .doesNotContain("Marc Dupont");
        browser.assertAccessible();
        browser.open("/dossiers/" + caseId + "/historique");
        assertThat(browser.heading()).isEqualTo("Page introuvable");
        browser.open("/dossiers");
        assertThat(browser.findAll(By.cssSelector("a[href='/dossiers/" + caseId + "']"))).isEmpty();
    }

    @Test
    void the_service_manager_lists_cases_without_names_and_cannot_open_them() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        CaseApi.ensureAccount(accounts, "pages.marc", Set.of(Role.SERVICE_MANAGER), null);
        Browser browser = browser().open("/connexion").signIn("pages.marc", CaseApi.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Accueil");

        browser.find(By.linkText("Dossiers")).click();

        assertThat(browser.findAll(By.cssSelector("a[href^='/dossiers/']"))).isEmpty();
        assertThat(browser.text(By.tagName("table"))).containsPattern("Dossier du \\d\\d/\\d\\d/\\d{4}")
                .doesNotContain("Dupont").doesNotContainPattern(UUID_OR_CONSTANT);
        browser.assertAccessible();
        browser.open("/dossiers/" + caseId);
        assertThat(browser.heading()).isEqualTo("Accès refusé");
    }
}
