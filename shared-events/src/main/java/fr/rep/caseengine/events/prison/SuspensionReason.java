package fr.rep.caseengine.events.prison;

/** Why a prison suspended all visits for a period. */
public enum SuspensionReason {
    SANITARY_MEASURES,
    SECURITY_MEASURES,
    STAFF_SHORTAGE
}
