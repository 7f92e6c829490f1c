package fr.rep.caseengine.events.familycase;

/** A court's decision on the detained parent's visiting rights for some children. */
public enum VisitingRights {
    /** Droits réservés: no visits. */
    RESERVED,
    GRANTED,
    /** Granted only as mediated visits, which every visit of the service is. */
    MEDIATED_ONLY
}
