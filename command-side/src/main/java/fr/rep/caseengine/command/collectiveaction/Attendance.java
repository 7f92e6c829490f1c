package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.collectiveaction.Participant;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a collective action lists: at least one parent, each once, so that no participation is counted twice. A parent
 * is known by their case (one case has one detained parent).
 */
final class Attendance {

    private Attendance() {
    }

    static void requireEachOnce(List<CaseId> cases) {
        if (cases == null || cases.isEmpty()) {
            throw new CollectiveActionRuleViolation(CollectiveActionRule.PARTICIPANTS_EACH_ONCE, "no parent is listed");
        }
        Set<CaseId> seen = new HashSet<>();
        for (CaseId caseId : cases) {
            if (!seen.add(caseId)) {
                throw new CollectiveActionRuleViolation(CollectiveActionRule.PARTICIPANTS_EACH_ONCE,
                        "the parent of case " + caseId + " is listed twice");
            }
        }
    }

    static List<CaseId> casesOf(List<Participant> participants) {
        return participants == null ? null : participants.stream().map(Participant::caseId).toList();
    }
}
