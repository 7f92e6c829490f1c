package fr.rep.caseengine.events.familycase;

/** The dates a caseworker must see coming. */
public enum DeadlineKind {
    /** A child turns 18: no more visits with them; the case may close if no minor remains. */
    CHILD_TURNS_18,
    /** A baby living with the mother in prison must leave the nursery (18 months, 24 with a derogation). */
    NURSERY_SEPARATION,
    /** An accompanier's visiting permit ends. */
    PERMIT_EXPIRES,
    /** A party's consent (engagement contract) ends. */
    CONSENT_EXPIRES,
    /** Nothing was recorded on the case for the configured number of weeks. */
    NO_RECENT_ACTIVITY
}
