package fr.rep.caseengine.app.page;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The address everyone lands on: a caseworker's (or team manager's) work queue, otherwise the menu of their role. */
@Controller
class HomePage {

    @GetMapping("/")
    String home(Caller caller) {
        return caller.has(Role.CASEWORKER) || caller.has(Role.TEAM_MANAGER) ? "forward:/mon-travail" : "home/welcome";
    }
}
