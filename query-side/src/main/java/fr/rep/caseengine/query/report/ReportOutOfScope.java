package fr.rep.caseengine.query.report;

/** A team manager asked for another team's report, or for the whole service's: answered 403. */
class ReportOutOfScope extends RuntimeException {

    ReportOutOfScope(String message) {
        super(message);
    }
}
