package fr.rep.caseengine.app.browser;

import fr.rep.caseengine.app.CaseApi;
import fr.rep.caseengine.app.EmbeddedDatabaseTest;
import fr.rep.caseengine.app.security.AccountStore;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page test: the whole app on its embedded PostgreSQL and as many real browsers as the test opens, each
 * closed after the test. Tests create their own accounts and cases (the application context is shared).
 */
public abstract class BrowserTestBase extends EmbeddedDatabaseTest {

    /** The service's time zone: the pages' "today" is Paris's, whatever the zone of the machine running the tests. */
    protected static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    protected AccountStore accounts;

    @Autowired
    protected TestRestTemplate http;

    private final List<Browser> opened = new ArrayList<>();

    /** A new browser, with an empty profile (no session). */
    protected Browser browser() {
        Browser browser = new Browser("http://localhost:" + port);
        opened.add(browser);
        return browser;
    }

    /** A caseworker account of that team, with the tests' password. */
    protected String caseworker(String username, Team team) {
        CaseApi.ensureAccount(accounts, username, Set.of(Role.CASEWORKER), team);
        return username;
    }

    @AfterEach
    void closeBrowsers() {
        opened.forEach(Browser::close);
        opened.clear();
    }
}
