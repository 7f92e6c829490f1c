package fr.rep.caseengine.command.access;

import fr.rep.caseengine.events.CaseId;

/** The case does not exist, or the caller may not act on it: both answer 404, so as not to confirm it exists. */
public class CaseOutOfReach extends RuntimeException {

    CaseOutOfReach(CaseId caseId) {
        super("No case with id " + caseId);
    }
}
