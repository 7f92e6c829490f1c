package fr.rep.caseengine.query.audit;

/** What a recorded read showed of a case. */
public enum CaseRead {
    /** The case's current state ({@code GET /api/cases/{id}}). */
    DETAIL,
    /** The case's history ({@code GET /api/cases/{id}/history}). */
    HISTORY,
    /** The history exported as JSON. */
    HISTORY_EXPORT_JSON,
    /** The history exported as PDF. */
    HISTORY_EXPORT_PDF,
    /** The case as it stood at an instant, replayed from its events. */
    AS_OF
}
