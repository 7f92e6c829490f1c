package fr.rep.caseengine.events.familycase;

/** The reasons for ending an intervention, as the annual report lists them (fin d'intervention). */
public enum ClosingReason {
    /** The child turned 18 and no younger sibling remains on the case. */
    CHILD_TURNED_18,
    /** The parent was released and nothing more is needed. */
    PARENT_RELEASED,
    /** Oriented to a neutral meeting place by a family judge's decision. */
    ORIENTED_TO_NEUTRAL_MEETING_PLACE,
    /** Oriented to another service. */
    ORIENTED_TO_OTHER_SERVICE,
    /** The request cannot be carried out. */
    REQUEST_IMPOSSIBLE
}
