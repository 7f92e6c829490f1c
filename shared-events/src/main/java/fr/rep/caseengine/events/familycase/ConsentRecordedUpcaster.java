package fr.rep.caseengine.events.familycase;

/** Reads revision 1 of {@link ConsentRecorded}: a consent recorded then has no end date. */
public class ConsentRecordedUpcaster extends AddedFieldsUpcaster {

    public ConsentRecordedUpcaster() {
        super(ConsentRecorded.class, "1", "2", "validUntil");
    }
}
