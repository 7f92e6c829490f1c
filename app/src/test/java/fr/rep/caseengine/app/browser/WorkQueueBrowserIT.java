package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.http.ResponseEntity;

/** « Mon travail » in a real browser: the caseworker's queue in French, updated live by another's action. */
class WorkQueueBrowserIT extends BrowserTestBase {

    private static final Pattern UUID_OR_CONSTANT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-|\\b[A-Z]{2,}_[A-Z_]+\\b");

    @Test
    void a_case_assigned_by_the_team_manager_appears_in_the_open_work_queue_without_a_reload() {
        String caseworker = caseworker("queue.live.caseworker", Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "queue.live.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi reception = CaseApi.caseworker(http, accounts);
        CaseApi manager = new CaseApi(http, "queue.live.manager");
        Browser browser = browser().open("/connexion").signIn(caseworker, CaseApi.PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.heading()).isEqualTo("Mon travail");
        assertThat(browser.text(By.id("assigned-title"))).isEqualTo("Dossiers récemment attribués");
        assertThat(browser.pageText()).contains("Aucun dossier attribué récemment.");
        browser.assertAccessible().screenshot("mon-travail-vide");
        // The page marks itself so that a reload (which the test must not need) would be noticed.
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true");
        browser.waitUntil(driver ->
                !driver.findElements(By.cssSelector("[data-live=open]")).isEmpty());
        assertThat(browser.text(By.cssSelector(".live-status"))).isEqualTo("Cette page se met à jour toute seule.");

        String caseId = reception.openCase().read("$.caseId");
        ResponseEntity<String> assigned = manager.post(
                "/api/cases/" + caseId + "/assignment",
                "{\"occurredAt\": \"%s\", \"caseworker\": \"%s\"}".formatted(CaseApi.daysAgo(1), caseworker),
                Map.of());
        assertThat(assigned.getStatusCode().value()).as(assigned.getBody()).isEqualTo(200);

        browser.waitUntil(driver -> !driver.findElements(By.cssSelector("a[href='/dossiers/" + caseId + "']"))
                .isEmpty());
        WebElement link = browser.find(By.cssSelector("a[href='/dossiers/" + caseId + "']"));
        assertThat(link.getText()).isEqualTo("Marc Dupont");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded"))
                .as("updated without a reload")
                .isEqualTo(true);
        assertThat(browser.text(By.id("work-queue")))
                .contains("Attribué à " + caseworker + " le ")
                .doesNotContainPattern(UUID_OR_CONSTANT);
        browser.assertAccessible().screenshot("mon-travail");
        browser.onPhone(() -> browser.assertAccessible().screenshot("mon-travail-telephone"));
    }
}
