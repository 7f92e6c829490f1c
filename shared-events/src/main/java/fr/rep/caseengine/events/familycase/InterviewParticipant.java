package fr.rep.caseengine.events.familycase;

/** Who took part in an interview. */
public enum InterviewParticipant {
    DETAINED_PARENT,
    FREE_PARENT,
    CHILDREN,
    ASE
}
