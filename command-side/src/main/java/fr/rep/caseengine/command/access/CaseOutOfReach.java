package fr.rep.caseengine.command.access;

import fr.rep.caseengine.events.CaseId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The case does not exist, or the caller may not act on it: both answer 404, so as not to confirm it exists. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseOutOfReach extends RuntimeException {

    CaseOutOfReach(CaseId caseId) {
        super("No case with id " + caseId);
    }
}
