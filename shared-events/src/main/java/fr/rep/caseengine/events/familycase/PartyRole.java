package fr.rep.caseengine.events.familycase;

/** The part an adult plays on a case; every party's adhesion is needed before a visit. */
public enum PartyRole {
    /** Parent placé sous main de justice. */
    DETAINED_PARENT,
    /** The parent who is free and holds parental authority. */
    FREE_PARENT,
    /** The child-welfare service's referent, acting for placed children (Aide sociale à l'enfance). */
    ASE,
    /** Another holder of parental authority (a guardian). */
    LEGAL_GUARDIAN;

    /** Whether this role can hold parental authority over a child of the case. */
    public boolean holdsParentalAuthority() {
        return this != DETAINED_PARENT;
    }
}
