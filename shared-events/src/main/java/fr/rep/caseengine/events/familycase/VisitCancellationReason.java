package fr.rep.caseengine.events.familycase;

/** Why a scheduled visit did not take place. */
public enum VisitCancellationReason {
    FAMILY_UNAVAILABLE,
    CHILD_ILL,
    PARENT_UNAVAILABLE,
    PRISON_DECISION,
    /** Visits suspended in the whole prison (sanitary or security measures). */
    PRISON_WIDE_SUSPENSION,
    SERVICE_UNAVAILABLE
}
