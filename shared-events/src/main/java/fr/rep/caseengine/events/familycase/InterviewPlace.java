package fr.rep.caseengine.events.familycase;

/** Where an interview took place. */
public enum InterviewPlace {
    IN_DETENTION,
    AT_THE_SERVICE,
    AT_HOME,
    BY_PHONE
}
