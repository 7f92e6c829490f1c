package fr.rep.caseengine.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account trail for auditors: who created, disabled, changed the roles or the password of which account. */
@RestController
@Tag(name = "Audit")
class AccountTrailController {

    private static final int LIMIT = 1_000;

    private final AccountTrail trail;

    AccountTrailController(AccountTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/account-trail")
    @Operation(summary = "Every change to accounts, newest first (at most 1,000), or to one ?account= (auditors)")
    List<AccountTrail.Entry> entries(@RequestParam(required = false) String account) {
        return trail.entries(account, LIMIT);
    }
}
