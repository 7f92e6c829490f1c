package fr.rep.caseengine.query.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A report parameter that breaks a rule the annotations cannot state (a range of years): answered 400 (the page's too). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class InvalidReportRequest extends RuntimeException {

    private final String field;

    InvalidReportRequest(String field, String rule) {
        super(rule);
        this.field = field;
    }

    String field() {
        return field;
    }
}
