package fr.rep.caseengine.events.familycase;

/** How the request reached the service (modalité de saisine). */
public enum ReferralChannel {
    LETTER,
    PHONE,
    MEETING_IN_DETENTION
}
