package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a collective action lists: at least one parent, each once, so that no participation is counted twice. A parent
 * is known by their case (one case has one detained parent), or at a snack or a workshop by their own subject id when
 * their family is not followed.
 */
final class Attendance {

    private Attendance() {}

    static void requireEachOnce(List<CaseId> cases) {
        if (cases == null || cases.isEmpty()) {
            throw new RuleViolation(CollectiveActionRule.PARTICIPANTS_EACH_ONCE, "no parent is listed");
        }
        Set<CaseId> seen = new HashSet<>();
        for (CaseId caseId : cases) {
            if (!seen.add(caseId)) {
                throw new RuleViolation(
                        CollectiveActionRule.PARTICIPANTS_EACH_ONCE,
                        "the parent of case " + caseId + " is listed twice");
            }
        }
    }

    /** As {@link #requireEachOnce}, by parent: a session may list parents without a case. */
    static void requireEachParentOnce(List<Participant> participants) {
        if (participants == null || participants.isEmpty()) {
            throw new RuleViolation(CollectiveActionRule.PARTICIPANTS_EACH_ONCE, "no parent is listed");
        }
        Set<SubjectId> seen = new HashSet<>();
        for (Participant participant : participants) {
            if (!seen.add(participant.parent())) {
                throw new RuleViolation(
                        CollectiveActionRule.PARTICIPANTS_EACH_ONCE,
                        participant.caseId() == null
                                ? "a parent without a case is listed twice"
                                : "the parent of case " + participant.caseId() + " is listed twice");
            }
        }
    }

    static List<CaseId> casesOf(List<Participant> participants) {
        return participants == null
                ? null
                : participants.stream().map(Participant::caseId).toList();
    }
}
