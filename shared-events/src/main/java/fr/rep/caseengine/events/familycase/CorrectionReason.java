package fr.rep.caseengine.events.familycase;

/** Why an entry is corrected; the corrected entry stays in the history, marked void by the correction. */
public enum CorrectionReason {
    RECORDED_BY_MISTAKE,
    WRONG_CASE,
    WRONG_DATE,
    DUPLICATE
}
