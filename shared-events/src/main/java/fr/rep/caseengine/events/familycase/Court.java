package fr.rep.caseengine.events.familycase;

/** The courts whose decisions bind the service's visits. */
public enum Court {
    /** Juge des enfants (JE). */
    CHILDREN_JUDGE,
    /** Juge aux affaires familiales (JAF). */
    FAMILY_JUDGE,
    /** Tribunal correctionnel or cour d'appel: a sentence may forbid contact with the victims. */
    CRIMINAL_COURT
}
