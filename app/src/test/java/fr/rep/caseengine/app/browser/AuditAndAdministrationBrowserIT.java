package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Auditors' and administrators' pages in a real browser, each journey from sign-in. */
class AuditAndAdministrationBrowserIT extends BrowserTestBase {

    private static final String AUDITOR = "alice-audit";
    private static final String ADMINISTRATOR = "admin-web";
    private static final By CONSENTS = By.id("asof-consents");

    @Test
    void an_auditor_filters_the_history_checks_its_export_and_travels_to_before_and_after_a_withdrawal() {
        CaseApi caseworker = CaseApi.caseworker(http, accounts);
        DocumentContext opened = caseworker.openCase();
        String caseId = opened.read("$.caseId");
        String mother = opened.read("$.parties.mother");
        caseworker.acceptWithPermit(caseId, "claire");
        String consent = "{\"occurredAt\": \"%s\", \"party\": \"%s\"}";
        assertThat(caseworker
                        .post(
                                "/api/cases/" + caseId + "/consents",
                                consent.formatted(CaseApi.daysAgo(5), mother),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(caseworker
                        .post(
                                "/api/cases/" + caseId + "/consent-withdrawals",
                                consent.formatted(CaseApi.daysAgo(2), mother),
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);

        Browser browser = browser()
                .open("/connexion")
                .signIn(AUDITOR, CaseApi.PASSWORD)
                .open("/dossiers/" + caseId + "/historique");
        browser.waitForText(By.cssSelector("main [role=status]"), "5 événements");
        browser.find(By.cssSelector("details summary")).click();
        browser.find(By.cssSelector("input[name=kind][value=ConsentWithdrawn]")).click();
        browser.find(By.cssSelector("input[name=kind][value=ConsentRecorded]")).click();
        browser.find(By.cssSelector("input[name=time][value=RECORDED]")).click();
        browser.submit(browser.find(By.cssSelector("form[role=search] button[type=submit]")));
        assertThat(browser.text(By.cssSelector("main [role=status]"))).isEqualTo("2 événements");
        assertThat(browser.text(By.cssSelector(".timeline")))
                .contains("Adhésion enregistrée")
                .contains("Retrait de l'adhésion")
                .contains("par claire");
        String exportLink =
                browser.find(By.linkText("Télécharger l’export JSON")).getAttribute("href");
        ResponseEntity<String> export =
                new CaseApi(http, AUDITOR).get(exportLink.substring(exportLink.indexOf("/api/")));
        assertThat(browser.text(By.id("checksum")))
                .as("the checksum the export carries")
                .isEqualTo(export.getHeaders().getFirst("X-Events-SHA256"));
        assertThat(browser.text(By.id("checksum-command"))).isEqualTo("jq -cj .events historique.json | sha256sum");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('export-title').scrollIntoView()");
        browser.assertAccessible().screenshot("auditeur-historique");

        browser.find(By.linkText("Le dossier à une date")).click();
        browser.waitForText(By.id("step-now"), "Étape 5 sur 5 : Retrait de l'adhésion");
        assertThat(browser.text(CONSENTS)).contains("Parent libre Adhésion retirée");

        WebElement slider = browser.find(By.id("step"));
        slider.sendKeys(Keys.ARROW_LEFT);
        browser.waitForText(By.id("step-now"), "Étape 4 sur 5 : Adhésion enregistrée");
        assertThat(browser.text(CONSENTS)).as("before the withdrawal").contains("Parent libre Adhésion en cours");
        browser.assertAccessible().screenshot("auditeur-dossier-a-une-date");

        browser.find(By.id("step")).sendKeys(Keys.ARROW_RIGHT);
        browser.waitForText(By.id("step-now"), "Étape 5 sur 5");
        assertThat(browser.text(CONSENTS)).as("after the withdrawal").contains("Parent libre Adhésion retirée");
        DocumentContext api = CaseApi.json(
                new CaseApi(http, AUDITOR).get("/api/cases/" + caseId + "/as-of?instant=" + java.time.Instant.now()));
        assertThat(api.read("$.parties[?(@.role == 'FREE_PARENT')].consent", java.util.List.class))
                .containsExactly("WITHDRAWN");

        // The reads just made are in the case's access trail, with the break-glass read of another team's caseworker.
        CaseApi.ensureAccount(accounts, "paul-pdc", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
        CaseApi outsider = new CaseApi(http, "paul-pdc");
        assertThat(outsider.post(
                                "/api/cases/" + caseId + "/break-glass",
                                "{\"justification\": "
                                        + "\"Remplacement de la collègue de l'antenne en congé cette semaine\"}",
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(outsider.get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(200);
        browser.find(By.linkText("Historique du dossier")).click();
        browser.find(By.linkText("Accès à ce dossier")).click();
        assertThat(browser.heading()).isEqualTo("Traces d’accès à un dossier");
        String trail = browser.text(By.id("accesses"));
        assertThat(trail)
                .contains("paul-pdc")
                .contains("par accès exceptionnel")
                .contains("alice-audit")
                .contains("Situation du dossier à une date")
                .contains("Historique exporté (JSON)")
                .doesNotContain(caseId);
        browser.assertAccessible().screenshot("auditeur-traces-acces");
        browser.find(By.linkText("Accès exceptionnels et leurs justifications")).click();
        assertThat(browser.text(By.id("break-glass")))
                .contains("paul-pdc")
                .contains("Remplacement de la collègue de l'antenne en congé cette semaine");
        browser.assertAccessible().screenshot("auditeur-acces-exceptionnels");
    }

    @Test
    void a_verification_run_from_the_page_turns_red_and_names_the_event_after_a_stored_event_is_altered() {
        String caseId = CaseApi.caseworker(http, accounts).openCase().read("$.caseId");
        JdbcTemplate owner = owner();
        Map<String, Object> event = owner.queryForMap(
                "SELECT global_index, event_identifier FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 0",
                caseId);
        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
        Browser browser = browser().open("/connexion").signIn(AUDITOR, CaseApi.PASSWORD);
        assertThat(browser.findAll(By.cssSelector("nav a")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly(
                        "Dossiers",
                        "Vérification",
                        "Traces d’accès",
                        "Effacements",
                        "Mots de passe provisoires",
                        "Mot de passe");
        browser.find(By.linkText("Vérification")).click();
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        browser.waitUntil(
                driver -> !driver.findElements(By.id("verification-result")).isEmpty());
        assertThat(browser.find(By.id("verification-result")).getAttribute("class"))
                .contains("result--intact");
        assertThat(browser.text(By.id("verification-result"))).startsWith("Le registre est intact.");
        browser.assertAccessible().screenshot("auditeur-verification-intacte");

        // Only this test's case is altered, and the very bit flipped back afterwards: the shared store stays intact.
        String flip = "UPDATE domain_event_entry SET payload = set_byte(payload, 20, get_byte(payload, 20) # 1) "
                + "WHERE global_index = ?";
        owner.update(flip, event.get("global_index"));
        try {
            browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
            browser.waitUntil(
                    driver -> !driver.findElements(By.id("verification-result")).isEmpty());
            assertThat(browser.find(By.id("verification-result")).getAttribute("class"))
                    .contains("result--broken");
            assertThat(browser.text(By.id("first-broken-link")))
                    .isEqualTo("Premier maillon rompu : Entrée modifiée "
                            + "après son scellement — événement n° "
                            + NumberFormat.getIntegerInstance(Locale.FRANCE)
                                    .format(((Number) event.get("global_index")).longValue())
                            + " du registre, n° 1 de son dossier.");
            assertThat(browser.text(By.id("verification-result"))).contains("a été modifié après son enregistrement");
            assertThat(browser.find(By.linkText("Voir cette entrée dans l’historique de son dossier"))
                            .getAttribute("href"))
                    .endsWith("/dossiers/" + caseId + "/historique#entree-" + event.get("event_identifier"));
            browser.assertAccessible().screenshot("auditeur-verification-alteree");
        } finally {
            owner.update(flip, event.get("global_index"));
        }
        assertThat(CaseApi.json(new CaseApi(http, AUDITOR).get("/api/event-store/verification"))
                        .read("$.intact", Boolean.class))
                .as("the store restored")
                .isTrue();
    }

    @Test
    void an_administrator_rebuilds_a_view_and_follows_its_bar_to_100_percent_and_the_switch() {
        CaseApi.caseworker(http, accounts).openCase();
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        Browser browser = browser().open("/connexion").signIn(ADMINISTRATOR, CaseApi.PASSWORD);
        assertThat(browser.findAll(By.cssSelector("nav a")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Comptes", "Projections", "Mots de passe provisoires", "Mot de passe");
        browser.open("/verification");
        assertThat(browser.heading())
                .as("an auditor's page, as the API answers an administrator")
                .isEqualTo("Accès refusé");
        browser.find(By.linkText("Projections")).click();
        assertThat(browser.text(By.id("projection-work-queue"))).startsWith("Mon travail : files de travail En marche");
        browser.assertAccessible().screenshot("administrateur-projections");

        browser.submit(browser.find(By.cssSelector("#projection-work-queue button[type=submit]:not(.button--quiet)")));
        assertThat(browser.heading()).isEqualTo("Reconstruction de la vue Mon travail : files de travail");
        browser.waitUntil(driver -> !driver.findElements(By.id("rebuild-done")).isEmpty());
        WebElement bar = browser.find(By.id("rebuild-progress"));
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
        assertThat(browser.text(By.id("rebuild-figures"))).endsWith("(100 %)");
        assertThat(browser.text(By.id("rebuild-state"))).isEqualTo("Étape : Terminée");
        assertThat(browser.text(By.id("rebuild-done"))).startsWith("La vue reconstruite est en service depuis");
        browser.assertAccessible().screenshot("administrateur-reconstruction");
        assertThat(CaseApi.json(new CaseApi(http, ADMINISTRATOR).get("/api/projections"))
                        .read("$[?(@.name == 'work-queue')].lastRebuild.state", java.util.List.class))
                .containsExactly("DONE");
    }

    @Test
    void an_administrator_creates_an_account_whose_one_time_password_only_a_team_manager_hands_over() {
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        CaseApi.ensureAccount(accounts, "hugo-pdc", Set.of(Role.TEAM_MANAGER), Team.PAS_DE_CALAIS);
        Browser browser = browser().open("/connexion").signIn(ADMINISTRATOR, CaseApi.PASSWORD);
        browser.find(By.linkText("Comptes")).click();
        browser.type(By.id("username"), "nadia-web");
        browser.type(By.id("displayName"), "Nadia Responsable");
        browser.find(By.cssSelector("input[name=roles][value=TEAM_MANAGER]")).click();
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.text(By.id("team-error")))
                .as("a team manager needs a team, said beside the field")
                .isEqualTo("Un(e) intervenant(e) ou un(e) responsable d’antenne appartient à une antenne : "
                        + "choisissez-la.");
        assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo("nadia-web");
        browser.assertAccessible();

        new org.openqa.selenium.support.ui.Select(browser.find(By.id("team"))).selectByVisibleText("Pas-de-Calais");
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.heading()).isEqualTo("Compte nadia-web");
        assertThat(browser.findAll(By.id("password-value")))
                .as("the administrator never sees it")
                .isEmpty();
        assertThat(browser.text(By.id("one-time-password"))).contains("ne vous est pas montré");
        assertThat(browser.findAll(By.cssSelector("#password-issuers li")).stream()
                        .map(WebElement::getText))
                .contains("hugo-pdc (hugo-pdc)")
                .noneMatch(name -> name.contains(ADMINISTRATOR));
        assertThat(browser.text(By.id("account-state"))).isEqualTo("Actif, en attente de son mot de passe provisoire");
        browser.assertAccessible().screenshot("administrateur-compte-cree");

        Browser manager = browser().open("/connexion").signIn("hugo-pdc", CaseApi.PASSWORD);
        manager.find(By.linkText("Mots de passe provisoires")).click();
        assertThat(manager.heading()).isEqualTo("Mots de passe provisoires");
        manager.assertAccessible().screenshot("responsable-mots-de-passe-provisoires");
        manager.submit(manager.find(By.cssSelector("#awaiting-nadia-web button[type=submit]")));
        assertThat(manager.heading()).isEqualTo("Mot de passe provisoire de nadia-web");
        String oneTimePassword = manager.text(By.id("password-value"));
        manager.assertAccessible();

        Browser nadia = browser().open("/connexion").signIn("nadia-web", oneTimePassword);
        assertThat(nadia.path()).startsWith("/mot-de-passe");

        browser.submit(browser.find(By.xpath("//button[text()='Imposer un changement de mot de passe']")));
        assertThat(browser.findAll(By.id("password-value"))).isEmpty();
        assertThat(browser.text(By.id("account-state"))).isEqualTo("Actif, en attente de son mot de passe provisoire");
        assertThat(browser()
                        .open("/connexion")
                        .signIn("nadia-web", oneTimePassword)
                        .text(By.cssSelector("[role=alert]")))
                .as("the old one-time password no longer signs in")
                .startsWith("Connexion refusée");
    }

    @Test
    void an_administrator_erases_a_person_after_a_confirmation_and_the_auditors_register_lists_it() {
        DocumentContext opened = CaseApi.caseworker(http, accounts).openCase();
        String caseId = opened.read("$.caseId");
        String mother = opened.read("$.parties.mother");
        CaseApi.ensureAccount(accounts, ADMINISTRATOR, Set.of(Role.ADMINISTRATOR), null);
        Browser browser = browser().open("/connexion").signIn(ADMINISTRATOR, CaseApi.PASSWORD);
        browser.find(By.linkText("Comptes")).click();
        browser.find(By.linkText("Effacer les données personnelles d’une personne"))
                .click();
        browser.type(By.id("caseId"), caseId);
        browser.type(By.id("subject"), "not-an-id");
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.text(By.id("subject-error"))).startsWith("Indiquez l’identifiant de la personne");
        browser.assertAccessible();

        browser.type(By.id("subject"), mother);
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("reason")))
                .selectByVisibleText("Décision d'une autorité (juge ou CNIL)");
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.heading()).isEqualTo("Confirmer l’effacement");
        assertThat(browser.text(By.id("erasure-lost")))
                .contains("Les nom et prénom de la personne")
                .contains("sa clé de chiffrement est détruite");
        assertThat(browser.text(By.id("erasure-kept")))
                .contains("Tout l’historique du dossier")
                .contains("Les chiffres du bilan d’activité");
        assertThat(browser.pageText()).doesNotContain("Anne").doesNotContain(mother);
        browser.assertAccessible().screenshot("administrateur-effacement-confirmation");
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.text(By.id("erasure-done")))
                .startsWith("Les données personnelles de la personne sont " + "effacées");
        browser.assertAccessible();

        CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
        Browser auditor = browser().open("/connexion").signIn(AUDITOR, CaseApi.PASSWORD);
        auditor.find(By.linkText("Effacements")).click();
        assertThat(auditor.text(By.id("erasures"))).contains("Décision d'une autorité (juge ou CNIL) admin-web oui");
        auditor.assertAccessible().screenshot("auditeur-effacements");
    }

    @Test
    void the_retention_runs_are_paged_like_the_other_lists_newest_first() {
        JdbcTemplate owner = owner();
        int before = owner.queryForObject("SELECT count(*) FROM retention_run", Integer.class);
        // Runs older than any other (2001), so that they are the last pages whatever other tests ran.
        List<UUID> runs = new ArrayList<>();
        for (int day = 1; day <= 21; day++) {
            UUID runId = UUID.randomUUID();
            runs.add(runId);
            Instant started = Instant.parse("2001-01-01T02:00:00Z").plus(Duration.ofDays(day));
            owner.update(
                    """
                    INSERT INTO retention_run (run_id, started_at, finished_at, after_closing, cutoff, cases_erased,
                        people_erased, failures) VALUES (?, ?, ?, 'P10Y', ?, ?, 0, 0)""",
                    runId,
                    Timestamp.from(started),
                    Timestamp.from(started.plusSeconds(60)),
                    Timestamp.from(started.minus(Duration.ofDays(3653))),
                    1000 + day);
        }
        try {
            int total = before + runs.size();
            CaseApi.ensureAccount(accounts, AUDITOR, Set.of(Role.AUDITOR), null);
            Browser browser = browser()
                    .open("/connexion")
                    .signIn(AUDITOR, CaseApi.PASSWORD)
                    .open("/effacements");
            By rows = By.cssSelector("#retention-runs tbody tr");
            By runsPager = By.cssSelector("nav[aria-label='Pages des passages de la politique de conservation']");
            assertThat(browser.findAll(rows)).as("a page of runs").hasSize(20);
            assertThat(browser.find(runsPager).findElements(By.linkText("Page précédente")))
                    .isEmpty();
            browser.assertAccessible();

            browser.find(runsPager).findElement(By.linkText("Page suivante")).click();
            assertThat(browser.driver().getCurrentUrl()).contains("runsPage=1").contains("page=0");
            assertThat(browser.findAll(rows)).hasSize(Math.min(20, total - 20));
            assertThat(browser.text(By.id("runs-count"))).endsWith(", page 2");
            browser.assertAccessible();

            // The last page ends with the oldest run, and leads back.
            int last = (total - 1) / 20;
            browser.open("/effacements?runsPage=" + last);
            List<WebElement> lastRows = browser.findAll(rows);
            assertThat(lastRows).hasSize(total - 20 * last);
            assertThat(lastRows.get(lastRows.size() - 1).getText())
                    .startsWith("02/01/2001 à 03:00")
                    .contains("1001");
            assertThat(browser.find(runsPager).findElements(By.linkText("Page suivante")))
                    .isEmpty();
            browser.find(runsPager).findElement(By.linkText("Page précédente")).click();
            assertThat(browser.driver().getCurrentUrl()).contains("runsPage=" + (last - 1));
            browser.assertAccessible().screenshot("auditeur-effacements-passages");
        } finally {
            runs.forEach(runId -> owner.update("DELETE FROM retention_run WHERE run_id = ?", runId));
        }
    }
}
