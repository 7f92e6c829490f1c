package fr.rep.caseengine.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Signing in, out and back in a real browser, in French: wrong password, lock-out (in the same words), expiry, forced change. */
class SignInBrowserIT extends BrowserTestBase {

    @Test
    void a_page_asked_for_without_a_session_leads_to_the_french_sign_in_page_then_back_to_it() {
        CaseApi.ensureAccount(accounts, "sign.in.auditor", Set.of(Role.AUDITOR), null);
        Browser browser = browser().open("/mot-de-passe");

        assertThat(browser.path()).startsWith("/connexion");
        assertThat(browser.heading()).isEqualTo("Connexion");
        assertThat(browser.driver().getTitle()).startsWith("Connexion");
        assertThat(browser.find(By.cssSelector("label[for=username]")).getText())
                .isEqualTo("Identifiant");
        browser.assertAccessible().screenshot("connexion");
        browser.onPhone(() -> browser.assertAccessible().screenshot("connexion-telephone"));

        browser.signIn("sign.in.auditor", CaseApi.PASSWORD);

        assertThat(browser.path()).startsWith("/mot-de-passe");
        assertThat(browser.heading()).isEqualTo("Changer de mot de passe");
    }

    @Test
    void a_wrong_password_is_said_in_words_and_keeps_the_name_typed() {
        CaseApi.ensureAccount(accounts, "sign.in.typo", Set.of(Role.AUDITOR), null);
        Browser browser = browser().open("/connexion");

        browser.signIn("sign.in.typo", "not-the-password");

        assertThat(browser.text(By.cssSelector("[role=alert]")))
                .isEqualTo("Connexion refusée : identifiant ou mot de passe incorrect, ou trop d’essais manqués depuis "
                        + "ce poste. Vérifiez-les et réessayez ; après plusieurs échecs, patientez un moment (l’attente "
                        + "double à chaque nouvel échec, jusqu’à 15 minutes).");
        assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo("sign.in.typo");
        browser.assertAccessible().screenshot("connexion-erreur");
    }

    @Test
    void a_locked_out_sign_in_reads_like_a_wrong_password_and_says_to_wait_in_words() {
        CaseApi.ensureAccount(accounts, "sign.in.locked", Set.of(Role.AUDITOR), null);
        Browser browser = browser().open("/connexion");
        browser.signIn("sign.in.locked", "not-the-password");
        String wrongPassword = browser.text(By.cssSelector("[role=alert]"));
        // From the third failure in a row from this address the account is locked out for 1 s, then 2, 4...
        for (int attempt = 0; attempt < 7; attempt++) {
            browser.signIn("sign.in.locked", "not-the-password");
        }

        browser.signIn("sign.in.locked", CaseApi.PASSWORD);

        // The right password, refused: the words neither confirm the password nor tell that the account exists.
        assertThat(browser.heading()).isEqualTo("Connexion");
        assertThat(browser.text(By.cssSelector("[role=alert]")))
                .isEqualTo(wrongPassword)
                .contains("trop d’essais manqués depuis ce poste")
                .contains("patientez un moment");
        browser.assertAccessible().screenshot("connexion-verrouillee");
    }

    @Test
    void an_expired_session_says_so_and_signing_in_again_returns_to_the_page() {
        CaseApi.ensureAccount(accounts, "sign.in.expired", Set.of(Role.AUDITOR), null);
        Browser browser = browser().open("/connexion").signIn("sign.in.expired", CaseApi.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Accueil");
        // The server no longer knows the browser's session: what a timed-out session looks like.
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver()
                .manage()
                .addCookie(new Cookie.Builder("JSESSIONID", "A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5")
                        .path("/")
                        .isSecure(true)
                        .isHttpOnly(true)
                        .sameSite("Strict")
                        .build());

        browser.open("/mot-de-passe");

        assertThat(browser.path()).startsWith("/connexion");
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Votre session a expiré");
        browser.signIn("sign.in.expired", CaseApi.PASSWORD);
        assertThat(browser.path()).startsWith("/mot-de-passe");
    }

    @Test
    void an_account_on_its_one_time_password_must_change_it_before_anything_else() {
        String oneTime =
                accounts.createWithOneTimePassword("first.admin.page", "Admin", Set.of(Role.ADMINISTRATOR), null);
        Browser browser = browser().open("/connexion").signIn("first.admin.page", oneTime);

        assertThat(browser.path()).startsWith("/mot-de-passe");
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Votre mot de passe est provisoire");
        browser.assertAccessible().screenshot("mot-de-passe-provisoire");
        browser.open("/");
        assertThat(browser.path()).startsWith("/mot-de-passe");

        browser.type(By.id("currentPassword"), oneTime);
        browser.type(By.id("newPassword"), "short");
        browser.type(By.id("confirmation"), "short");
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.text(By.id("newPassword-error")))
                .isEqualTo("Le nouveau mot de passe doit compter entre 12 et 200 caractères.");
        assertThat(browser.find(By.id("newPassword")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertAccessible();

        browser.type(By.id("currentPassword"), oneTime);
        browser.type(By.id("newPassword"), "a-new-long-password");
        browser.type(By.id("confirmation"), "a-new-long-password");
        browser.submit(browser.find(By.cssSelector("main form button[type=submit]")));

        assertThat(browser.heading()).isEqualTo("Accueil");
        assertThat(browser.pageText()).contains("Votre mot de passe a été changé.");
    }

    @Test
    void signing_out_returns_to_the_sign_in_page() {
        CaseApi.ensureAccount(accounts, "sign.in.out", Set.of(Role.AUDITOR), null);
        Browser browser = browser().open("/connexion").signIn("sign.in.out", CaseApi.PASSWORD);

        browser.submit(browser.find(By.cssSelector(".sign-out button")));

        assertThat(browser.path()).isEqualTo("/connexion?deconnecte");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Vous êtes déconnecté(e).");
        browser.open("/");
        assertThat(browser.path()).startsWith("/connexion");
    }

    @Test
    void an_unknown_page_and_a_page_of_another_role_answer_in_french() {
        CaseApi.ensureAccount(accounts, "sign.in.admin", Set.of(Role.ADMINISTRATOR), null);
        Browser browser = browser().open("/connexion").signIn("sign.in.admin", CaseApi.PASSWORD);

        browser.open("/nulle-part");
        assertThat(browser.heading()).isEqualTo("Page introuvable");
        browser.assertAccessible().screenshot("page-introuvable");

        browser.open("/dossiers");
        assertThat(browser.heading()).isEqualTo("Accès refusé");
        assertThat(browser.findAll(By.linkText("Dossiers")))
                .as("the menu offers only what the role may use")
                .isEmpty();
        browser.assertAccessible();
    }

    @Test
    void the_menu_shows_a_caseworker_their_work_their_cases_and_the_reception_form() {
        caseworker("sign.in.caseworker", Team.SOMME_AISNE_OISE);
        Browser browser = browser().open("/connexion").signIn("sign.in.caseworker", CaseApi.PASSWORD);

        assertThat(browser.findAll(By.cssSelector("nav a")).stream()
                        .map(link -> link.getText())
                        .toList())
                .containsExactly("Mon travail", "Dossiers", "Nouvelle demande", "Mot de passe");
    }
}
