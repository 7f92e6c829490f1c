package fr.rep.caseengine.events.familycase;

/** Who accompanied and mediated a visit. */
public enum Accompaniment {
    PROFESSIONAL,
    VOLUNTEER,
    /** The child-welfare service's referent, when visits are mediated alternately by the service and by ASE. */
    ASE_REFERENT
}
