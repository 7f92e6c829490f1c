package fr.rep.caseengine.events.familycase;

/** The steps by which contact is rebuilt before visits, as the report's "M. PC" story tells them. */
public enum ContactStep {
    /** A recent photo of the children sent to the parent. */
    PHOTO_SENT,
    /** Letters between parent and children, read and passed on by a third party. */
    MEDIATED_LETTER,
    /** A phone call, from the ASE office or the service's, with the third party present. */
    MEDIATED_PHONE_CALL
}
