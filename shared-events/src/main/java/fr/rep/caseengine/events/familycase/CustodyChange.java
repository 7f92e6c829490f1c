package fr.rep.caseengine.events.familycase;

/** A step of the detained parent's penal path; it decides whether support is in closed or open setting. */
public enum CustodyChange {
    /** Moved to another prison; still in custody. */
    TRANSFERRED(true),
    /** Released: the sentence is over or suspended. */
    RELEASED(false),
    /** Placement à l'extérieur. */
    EXTERNAL_PLACEMENT(false),
    /** Permission de sortir: a leave permit. */
    LEAVE_PERMIT(false),
    /** Bracelet: electronic monitoring. */
    ELECTRONIC_MONITORING(false),
    /** Back in custody after an open-setting measure. */
    BACK_IN_CUSTODY(true);

    private final boolean inCustody;

    CustodyChange(boolean inCustody) {
        this.inCustody = inCustody;
    }

    /** Whether the parent is in custody (closed setting) after this change. */
    public boolean inCustody() {
        return inCustody;
    }
}
