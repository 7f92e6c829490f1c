package fr.rep.caseengine.events.familycase;

/** Who accompanied a visit for the service. */
public enum Accompaniment {
    PROFESSIONAL,
    VOLUNTEER
}
