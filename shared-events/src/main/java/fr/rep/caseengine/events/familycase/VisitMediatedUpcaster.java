package fr.rep.caseengine.events.familycase;

/** Reads revision 1 of {@link VisitMediated}: what revision 2 added (visit id, accompaniment, duration, km) is null. */
public class VisitMediatedUpcaster extends AddedFieldsUpcaster {

    public VisitMediatedUpcaster() {
        super(
                VisitMediated.class,
                "1",
                "2",
                "visitId",
                "accompanier",
                "accompaniedBy",
                "durationMinutes",
                "kilometres");
    }
}
