package fr.rep.caseengine.events.familycase;

/** Where a mediated visit took place. */
public enum VisitPlace {
    /** The prison's visiting room (parloir). */
    PRISON_VISITING_ROOM,
    /** An ordinary place outside prison: home, park, child café, social centre. */
    OUTSIDE
}
