package fr.rep.caseengine.query.report;

/** A report parameter that breaks a rule the annotations cannot state (a range of years): answered 400. */
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
