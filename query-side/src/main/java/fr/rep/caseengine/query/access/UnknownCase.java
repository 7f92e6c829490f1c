package fr.rep.caseengine.query.access;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No view knows this case (its status serves the pages; the API answers with its own problem handler). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownCase extends RuntimeException {

    public UnknownCase(UUID caseId) {
        super("No case with id " + caseId);
    }
}
