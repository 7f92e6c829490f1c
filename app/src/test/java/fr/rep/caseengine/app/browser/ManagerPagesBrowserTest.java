package fr.rep.caseengine.app.browser;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The managers' pages in a real browser: the live dashboard, the activity report, a caseworker's queue, suspensions. */
class ManagerPagesBrowserTest extends BrowserTestBase {

    private static final Pattern UUID_OR_CONSTANT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-|\\b[A-Z]{2,}_[A-Z_]+\\b");

    @Test
    void the_dashboard_counts_a_request_recorded_in_a_caseworkers_browser_without_a_reload() {
        String caseworker = caseworker("dashboard.caseworker", Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "dashboard.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
        CaseApi.ensureAccount(accounts, "dashboard.service", Set.of(Role.SERVICE_MANAGER), null);
        Browser dashboard = browser().signIn("dashboard.manager", CaseApi.PASSWORD).open("/tableau-de-bord");
        assertThat(dashboard.heading()).isEqualTo("Tableau de bord");
        dashboard.waitUntil(driver -> !driver.findElements(By.cssSelector("[data-live=open]")).isEmpty());
        dashboard.waitUntil(driver -> !driver.findElements(By.cssSelector("#stages-table + *, [data-drawn]"))
                .isEmpty());
        ((JavascriptExecutor) dashboard.driver()).executeScript("window.notReloaded = true");
        // A first case through the API, so that the measure below is of a warm service, not of its first command.
        int before = Integer.parseInt(dashboard.text(By.id("total-cases")));
        CaseApi.caseworker(http, accounts).openCase();
        dashboard.waitForText(By.id("total-cases"), String.valueOf(before + 1));
        before++;

        Browser reception = browser().signIn(caseworker, CaseApi.PASSWORD).open("/demandes/nouvelle");
        CaseJourneyBrowserTest.fillFamily(reception, "Yannick", "Leroux", "Sandrine", "Leroux", "Noé");
        reception.submit(reception.find(By.id("submit-request")));
        assertThat(reception.path()).startsWith("/dossiers/");
        // The command's acknowledgement: the redirect answering the form, in the caseworker's browser's clock.
        double acknowledged = ((Number) ((JavascriptExecutor) reception.driver()).executeScript("""
                var navigation = performance.getEntriesByType('navigation')[0];
                return performance.timeOrigin + (navigation.redirectEnd || navigation.responseStart);""")).doubleValue();

        dashboard.waitForText(By.id("total-cases"), String.valueOf(before + 1));
        double changed = Double.parseDouble(dashboard.find(By.id("caseload")).getAttribute("data-changed-at"));
        long delay = Math.round(changed - acknowledged);
        System.out.printf("Live dashboard: the new request was counted %d ms after the command's acknowledgement%n",
                delay);
        // The target is 1 s; the bound is looser because this test shares two cores with the whole build (the
        // delay printed above is the measure, README "Web application").
        assertThat(delay).as("ms from the acknowledgement to the dashboard's change").isLessThan(5_000);
        assertThat(((JavascriptExecutor) dashboard.driver()).executeScript("return window.notReloaded"))
                .as("updated without a reload").isEqualTo(true);
        assertThat(dashboard.text(By.id("stages-table"))).contains("Accueil et évaluation");
        assertThat(dashboard.text(By.id("caseload-summary"))).contains("dossiers");
        assertThat(dashboard.text(By.tagName("main"))).doesNotContainPattern(UUID_OR_CONSTANT)
                .doesNotContain("Leroux");
        dashboard.waitUntil(driver -> driver.findElements(By.cssSelector("[data-chart]:not([data-drawn])")).isEmpty());
        dashboard.assertAccessible().screenshot("tableau-de-bord");

        Browser service = browser().signIn("dashboard.service", CaseApi.PASSWORD).open("/tableau-de-bord");
        service.waitUntil(driver -> driver.findElements(By.cssSelector("[data-chart]:not([data-drawn])")).isEmpty());
        assertThat(service.text(By.id("teams-table"))).contains("Somme–Aisne–Oise");
        assertThat(service.text(By.tagName("main"))).doesNotContain("Leroux").doesNotContainPattern(UUID_OR_CONSTANT);
        assertThat(service.findAll(By.linkText("Tableau de bord"))).hasSize(1);
        service.assertAccessible().screenshot("tableau-de-bord-service");
    }
}
