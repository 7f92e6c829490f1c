package fr.rep.caseengine.events.collectiveaction;

/** The collective actions held as single sessions; talking groups run in cycles and have events of their own. */
public enum CollectiveSessionKind {
    /** Goûter: a family snack shared in the prison. */
    SNACK,
    /** Atelier de création manuelle: parents make something for their children. */
    CRAFT_WORKSHOP
}
