package fr.rep.caseengine.events.familycase;

/** Where a child lives, as counted by the annual report. */
public enum HousingType {
    WITH_FREE_PARENT,
    FOSTER_FAMILY,
    /** Tiers digne de confiance: a relative or close person trusted by the court. */
    TRUSTED_RELATIVE,
    INSTITUTION,
    /** A baby living with the mother in the prison nursery. */
    WITH_MOTHER_IN_PRISON
}
