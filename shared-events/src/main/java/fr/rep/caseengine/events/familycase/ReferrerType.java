package fr.rep.caseengine.events.familycase;

/** Who asked for the service's intervention (origine de la saisine). */
public enum ReferrerType {
    DETAINED_PARENT,
    FREE_PARENT,
    /** Juge des enfants (JE). */
    CHILDREN_JUDGE,
    /** Juge aux affaires familiales (JAF). */
    FAMILY_JUDGE,
    /** Juge d'instruction. */
    INVESTIGATING_JUDGE,
    /** A social worker outside the service (ASE, SPIP, prison social service...). */
    EXTERNAL_SOCIAL_WORKER
}
