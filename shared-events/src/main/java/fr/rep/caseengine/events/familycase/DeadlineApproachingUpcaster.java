package fr.rep.caseengine.events.familycase;

/** Reads revision 1 of {@link DeadlineApproaching}: no party's consent was concerned then. */
public class DeadlineApproachingUpcaster extends AddedFieldsUpcaster {

    public DeadlineApproachingUpcaster() {
        super(DeadlineApproaching.class, "1", "2", "party");
    }
}
