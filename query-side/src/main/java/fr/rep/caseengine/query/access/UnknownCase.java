package fr.rep.caseengine.query.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.UUID;

/** No view knows this case (its status serves the pages; the API answers with its own problem handler). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownCase extends RuntimeException {

    public UnknownCase(UUID caseId) {
        super("No case with id " + caseId);
    }
}
