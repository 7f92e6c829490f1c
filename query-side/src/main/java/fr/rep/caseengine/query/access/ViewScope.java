package fr.rep.caseengine.query.access;

import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cases a reader may see, as a SQL condition on {@code case_view} (aliased {@code v}) and its arguments.
 * Auditors see every case; team managers their team's; caseworkers their team's and those assigned to them. For a
 * single case, an unexpired break-glass access adds it. The list without personal data is open to service managers.
 */
public record ViewScope(String condition, List<Object> arguments) {

    /** The cases listed for this reader. */
    public static ViewScope forList(Caller caller) {
        if (caller.has(Role.AUDITOR) || caller.has(Role.SERVICE_MANAGER)) {
            return new ViewScope("TRUE", List.of());
        }
        return ofTeamAndAssignments(caller, false);
    }

    /** The cases whose detail and history this reader may open. */
    public static ViewScope forCase(Caller caller) {
        if (caller.has(Role.AUDITOR)) {
            return new ViewScope("TRUE", List.of());
        }
        return ofTeamAndAssignments(caller, true);
    }

    /** Whether this case is in the scope: a case outside it is answered as unknown. */
    public boolean includes(JdbcTemplate jdbc, UUID caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM case_view v WHERE v.case_id = ? " + "AND " + condition + ")",
                Boolean.class,
                argumentsAfter(caseId)));
    }

    /** The arguments of a query whose own arguments come first, followed by this condition's. */
    public Object[] argumentsAfter(Object... first) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(arguments);
        return all.toArray();
    }

    private static ViewScope ofTeamAndAssignments(Caller caller, boolean withBreakGlass) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if ((caller.has(Role.CASEWORKER) || caller.has(Role.TEAM_MANAGER)) && caller.team() != null) {
            conditions.add("v.team = ?");
            arguments.add(caller.team().name());
        }
        if (caller.has(Role.CASEWORKER)) {
            conditions.add("v.assigned_to = ?");
            arguments.add(caller.account());
        }
        if (withBreakGlass && (caller.has(Role.CASEWORKER) || caller.has(Role.TEAM_MANAGER))) {
            conditions.add("EXISTS (SELECT 1 FROM break_glass_access b WHERE b.case_id = v.case_id "
                    + "AND b.account = ? AND b.expires_at > now())");
            arguments.add(caller.account());
        }
        return conditions.isEmpty()
                ? new ViewScope("FALSE", List.of())
                : new ViewScope("(" + String.join(" OR ", conditions) + ")", List.copyOf(arguments));
    }
}
