package fr.rep.caseengine.query.caseview;

import java.util.UUID;

/** No view knows this case. */
public class UnknownCase extends RuntimeException {

    public UnknownCase(UUID caseId) {
        super("No case with id " + caseId);
    }
}
