package fr.rep.caseengine.app.security;

import fr.rep.caseengine.app.database.StartupTurn;
import fr.rep.caseengine.events.staff.Role;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no account at all, creates the administrator {@value #USERNAME} with a one-time password
 * printed once in the log and stored nowhere else in clear; it must be changed at first sign-in. Nodes started
 * together on an empty database take turns ({@link StartupTurn}): one creates it, the others find it.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountStore accounts;
    private final StartupTurn turn;

    FirstAdministrator(AccountStore accounts, StartupTurn turn) {
        this.accounts = accounts;
        this.turn = turn;
    }

    @Override
    public void run(ApplicationArguments args) {
        turn.run("the first administrator", this::createIfNoAccount);
    }

    private void createIfNoAccount() {
        if (accounts.count() > 0) {
            return;
        }
        String password = accounts.createWithOneTimePassword(
                USERNAME, "Administrator", Set.of(Role.ADMINISTRATOR), null, "system:first-administrator");
        LOG.warn(
                "No account existed: created administrator '{}' with one-time password {} "
                        + "(shown only now; it must be changed at first sign-in with POST /api/account/password)",
                USERNAME,
                password);
    }
}
