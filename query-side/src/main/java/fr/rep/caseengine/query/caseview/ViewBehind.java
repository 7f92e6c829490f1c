package fr.rep.caseengine.query.caseview;

import java.util.UUID;

/** The views have not yet caught up with the version a client asked for. */
public class ViewBehind extends RuntimeException {

    ViewBehind(UUID caseId, long wanted, Long current) {
        super("The views of case " + caseId + " are not yet at version " + wanted + " (they show "
                + (current == null ? "no version yet" : "version " + current) + "); try again in a moment");
    }
}
