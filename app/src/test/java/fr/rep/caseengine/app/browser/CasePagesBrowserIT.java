package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.LoggerFactory;

/** « Dossiers » and a case's page in a real browser: French labels, filters, scope as in the API. */
class CasePagesBrowserIT extends BrowserTestBase {

    private static final Pattern UUID_OR_CONSTANT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-|\\b[A-Z]{2,}_[A-Z_]+\\b");

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
        assertThat(browser.text(By.tagName("table")))
                .contains("Accueil et évaluation")
                .contains("Maison d'arrêt d'Amiens")
                .doesNotContainPattern(UUID_OR_CONSTANT);
        browser.assertAccessible().screenshot("dossiers");

        browser.find(row).click();

        assertThat(browser.path()).isEqualTo("/dossiers/" + caseId);
        assertThat(browser.heading()).isEqualTo("Dossier de Marc Dupont");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=situation-title]")))
                .contains("Accueil et évaluation — Demande enregistrée, dossier ouvert")
                .contains("Maison d'arrêt d'Amiens")
                .contains("Condamné");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=parties-title]")))
                .contains("Anne Dupont")
                .contains("Parent libre")
                .contains("Pas encore recueillie")
                .contains("Lucas Dupont")
                .containsPattern("\\d+ ans \\(né\\(e\\) le \\d\\d/\\d\\d/\\d{4}\\)");
        browser.waitForText(By.cssSelector("section[aria-labelledby=history-title]"), "Demande reçue");
        assertThat(browser.text(By.tagName("main")))
                .containsPattern("survenu le \\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d")
                .contains("par " + CaseApi.CASEWORKER)
                .doesNotContainPattern(UUID_OR_CONSTANT);
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
        assertThat(browser.pageText())
                .contains("ce dossier n’est pas dans votre périmètre")
                .doesNotContain("Marc Dupont");
        browser.assertAccessible();
        browser.open("/dossiers/" + caseId + "/historique");
        assertThat(browser.heading()).isEqualTo("Page introuvable");
        browser.open("/dossiers");
        assertThat(browser.findAll(By.cssSelector("a[href='/dossiers/" + caseId + "']")))
                .isEmpty();
    }

    @Test
    void the_service_manager_lists_cases_without_names_and_cannot_open_them() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        CaseApi.ensureAccount(accounts, "pages.marc", Set.of(Role.SERVICE_MANAGER), null);
        Browser browser = browser().open("/connexion").signIn("pages.marc", CaseApi.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Accueil");

        browser.find(By.linkText("Dossiers")).click();

        assertThat(browser.findAll(By.cssSelector("a[href^='/dossiers/']"))).isEmpty();
        assertThat(browser.text(By.tagName("table")))
                .containsPattern("Dossier du \\d\\d/\\d\\d/\\d{4}")
                .doesNotContain("Dupont")
                .doesNotContainPattern(UUID_OR_CONSTANT);
        browser.assertAccessible();
        browser.open("/dossiers/" + caseId);
        assertThat(browser.heading()).isEqualTo("Accès refusé");
    }

    /** Issue 13: no page larger than 500 KB with its assets (caseworkers on a phone's connection). */
    private static final long PAGE_BUDGET_BYTES = 500 * 1024;

    @Test
    void no_page_of_the_caseworker_journey_weighs_more_than_500_kb_with_its_assets() {
        CaseApi claire = CaseApi.caseworker(http, accounts);
        String caseId = claire.openCase().read("$.caseId");
        claire.acceptWithPermit(caseId, CaseApi.CASEWORKER);
        Browser browser = browser();
        // Every page counted as a first visit: Chrome lists no timing for what it serves from its memory cache.
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.open("/connexion");
        Map<String, Long> weights = new LinkedHashMap<>();
        weights.put("/connexion", weight(browser));
        browser.signIn(CaseApi.CASEWORKER, CaseApi.PASSWORD);
        for (String path : List.of(
                "/",
                "/mon-travail",
                "/dossiers",
                "/dossiers?name=dupont",
                "/demandes/nouvelle",
                "/dossiers/" + caseId,
                "/dossiers/" + caseId + "/historique")) {
            browser.open(path);
            if (path.equals("/dossiers/" + caseId)) {
                // The history comes in after the page: it is part of what the page weighs.
                browser.waitForText(By.cssSelector("section[aria-labelledby=history-title]"), "Demande reçue");
            }
            weights.put(path, weight(browser));
        }
        LoggerFactory.getLogger(CasePagesBrowserIT.class).info("Page weights with their assets (bytes): {}", weights);

        assertThat(weights)
                .hasSize(8)
                .allSatisfy((path, bytes) -> assertThat(bytes)
                        .as("%s weighs %d bytes with its assets", path, bytes)
                        .isGreaterThan(1_000L)
                        .isLessThanOrEqualTo(PAGE_BUDGET_BYTES));
    }

    /**
     * What the page in the browser now loaded: the document and every resource it fetched (styles, scripts, fonts,
     * htmx fragments), each counted at its largest of bytes sent over the wire and bytes once decoded.
     */
    private static long weight(Browser browser) {
        Number bytes = (Number) ((JavascriptExecutor) browser.driver()).executeScript("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .reduce((sum, e) => sum + Math.max(e.transferSize || 0, e.encodedBodySize || 0,
                        e.decodedBodySize || 0), 0);""");
        return bytes.longValue();
    }
}
