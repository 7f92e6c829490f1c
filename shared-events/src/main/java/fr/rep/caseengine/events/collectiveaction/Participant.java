package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;

/**
 * A detained parent taking part in a collective action, linked to their family's case when they have one: the annual
 * report counts parent participations and distinct parents per team, and each case can show what its parent
 * attended. A parent met at a snack or a workshop before (or without) any support of their family takes part without
 * a case: the session does not open one.
 *
 * @param caseId the family case of the parent, or {@code null} for a parent not followed as a family case
 * @param parent the parent: the case's detained parent, or a person recorded for collective actions only
 */
public record Participant(CaseId caseId, SubjectId parent) {}
