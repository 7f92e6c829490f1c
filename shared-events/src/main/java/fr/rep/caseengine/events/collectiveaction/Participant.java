package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;

/**
 * A detained parent taking part in a collective action, linked to their family's case: the annual report counts
 * parent participations per team, and each case can show what its parent attended.
 *
 * @param caseId the family case of the parent
 * @param parent the case's detained parent
 */
public record Participant(CaseId caseId, SubjectId parent) {
}
