package fr.rep.caseengine.query.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A team manager asked for another team's report, or for the whole service's: answered 403 (the page's too). */
@ResponseStatus(HttpStatus.FORBIDDEN)
class ReportOutOfScope extends RuntimeException {

    ReportOutOfScope(String message) {
        super(message);
    }
}
