package fr.rep.caseengine.events.familycase;

/** The detained parent's penal status, which decides who grants visiting permits. */
public enum PenalStatus {
    /** Prévenu: awaiting trial; permits granted by the investigating judge. */
    AWAITING_TRIAL,
    /** Condamné: sentenced; permits granted by the prison director. */
    SENTENCED
}
