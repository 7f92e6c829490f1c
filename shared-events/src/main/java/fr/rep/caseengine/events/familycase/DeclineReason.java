package fr.rep.caseengine.events.familycase;

/** Why the service cannot take a request on (intervention impossible after evaluation). */
public enum DeclineReason {
    /** Outside the service's territory or remit. */
    OUTSIDE_REMIT,
    /** A judicial decision forbids the contact sought. */
    JUDICIAL_OPPOSITION,
    /** A party refused the support. */
    PARTY_REFUSED,
    /** The family could not be reached or did not follow up. */
    NO_FOLLOW_UP,
    /** Another service already supports the family. */
    SUPPORTED_ELSEWHERE
}
