package fr.rep.caseengine.events.familycase;

/** The interviews the annual report counts. */
public enum InterviewKind {
    FIRST,
    INTERMEDIATE,
    CLOSING
}
