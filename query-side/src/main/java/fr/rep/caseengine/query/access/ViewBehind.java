package fr.rep.caseengine.query.access;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The views have not yet caught up with the version a client asked for (its status serves the pages; the API answers
 * with its own problem handler).
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class ViewBehind extends RuntimeException {

    ViewBehind(UUID caseId, long wanted, Long current) {
        super("The views of case " + caseId + " are not yet at version " + wanted + " (they show "
                + (current == null ? "no version yet" : "version " + current) + "); try again in a moment");
    }
}
