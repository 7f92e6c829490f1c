package fr.rep.caseengine.events.familycase;

/** The judges whose decisions bind the service's visits. */
public enum Court {
    /** Juge des enfants (JE). */
    CHILDREN_JUDGE,
    /** Juge aux affaires familiales (JAF). */
    FAMILY_JUDGE
}
