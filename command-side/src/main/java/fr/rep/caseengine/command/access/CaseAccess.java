package fr.rep.caseengine.command.access;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Checks, before a command is sent, that the caller may act on the case; otherwise the case is out of reach. */
@Component
public class CaseAccess {

    private final JdbcTemplate jdbc;

    CaseAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A caseworker acts on the cases of their team and on the cases assigned to them. */
    public void requireCanAct(Caller caller, CaseId caseId) {
        CaseReach reach = reach(caseId);
        boolean allowed = caller.has(Role.CASEWORKER)
                && (caller.isIn(reach.team()) || caller.account().equals(reach.assignedTo()));
        if (!allowed) {
            throw new CaseOutOfReach(caseId);
        }
    }

    /** A team manager assigns the cases of their team. */
    public void requireCanAssign(Caller caller, CaseId caseId) {
        if (!(caller.has(Role.TEAM_MANAGER) && caller.isIn(reach(caseId).team()))) {
            throw new CaseOutOfReach(caseId);
        }
    }

    /**
     * Administrators erase a person on the data protection officer's instruction, on any case; they see no case data
     * and act only by the subject id they are given.
     */
    public void requireCanErase(Caller caller, CaseId caseId) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw new CaseOutOfReach(caseId);
        }
        reach(caseId);
    }

    private CaseReach reach(CaseId caseId) {
        List<CaseReach> found = jdbc.query(
                "SELECT team, assigned_to FROM case_access WHERE case_id = ?",
                (rs, row) -> new CaseReach(Team.valueOf(rs.getString(1)), rs.getString(2)),
                caseId.value());
        if (found.isEmpty()) {
            throw new CaseOutOfReach(caseId);
        }
        return found.get(0);
    }

    private record CaseReach(Team team, String assignedTo) {}
}
