package fr.rep.caseengine.events.familycase;

/** Why a person's personal data was erased (effacement des données personnelles). */
public enum ErasureReason {
    /** The person asked for it (GDPR art. 17, droit à l'effacement), through the data protection officer. */
    REQUEST_OF_THE_PERSON,
    /** The case ended longer ago than the retention period ({@code rep.retention.after-closing}). */
    RETENTION_PERIOD_ENDED,
    /** A court or the data protection authority (CNIL) ordered it. */
    ORDER_OF_AN_AUTHORITY
}
