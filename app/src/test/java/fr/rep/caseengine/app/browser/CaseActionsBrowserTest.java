package fr.rep.caseengine.app.browser;

import fr.rep.caseengine.app.CaseApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The case page's actions in a real browser: sent through the command code, result at once, refusals in French. */
class CaseActionsBrowserTest extends BrowserTestBase {

    private static final By STAGE = By.cssSelector("section[aria-labelledby=situation-title] .notice strong");
    private static final By PARTIES = By.cssSelector("section[aria-labelledby=parties-title]");

    @Test
    void a_caseworker_accepts_records_a_consent_is_refused_a_second_one_in_french_and_closes() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        Browser browser = browser().open("/connexion").signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        assertThat(browser.text(STAGE)).isEqualTo("Accueil et évaluation");

        browser.submit(browser.find(By.cssSelector("#form-acceptation button")));

        assertThat(browser.text(By.cssSelector("#actions [role=status]")))
                .isEqualTo("La demande est acceptée : le dossier passe en médiation et mise en place.");
        assertThat(browser.text(STAGE)).as("read-your-write: the page shows the new stage at once")
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
        assertThat(new Select(browser.find(By.id("adhesion-party"))).getFirstSelectedOption().getText())
                .as("what was typed is kept").isEqualTo("Anne Dupont (Parent libre)");
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
        Browser first = browser().open("/connexion").signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);
        Browser second = browser().open("/connexion").signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId);

        first.submit(first.find(By.cssSelector("#form-adhesion button")));
        assertThat(first.text(By.cssSelector("#actions [role=status]"))).isEqualTo("L’adhésion est enregistrée.");
        new Select(second.find(By.id("adhesion-party"))).selectByIndex(1);
        second.submit(second.find(By.cssSelector("#form-adhesion button")));

        assertThat(second.text(By.cssSelector("#actions [role=alert]")))
                .contains("Quelqu’un d’autre a modifié ce dossier pendant que vous le consultiez : rien n’a été "
                        + "enregistré.");
        second.assertAccessible().screenshot("dossier-conflit");
        second.find(By.linkText("Recharger le dossier")).click();
        assertThat(second.text(PARTIES)).containsPattern("Donnée le \\d\\d/\\d\\d/\\d{4}");
    }
}
