package fr.rep.caseengine.events.familycase;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the case events, in the order they must run: an event stored at its first revision passes each
 * step up to today's record (revision 1 of {@link VisitMediated} gains its added facts, then loses the name).
 */
public final class StoredEventUpcasters {

    private StoredEventUpcasters() {}

    /** The chain the event store reads through. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(inOrder());
    }

    static EventUpcaster[] inOrder() {
        return new EventUpcaster[] {
            new VisitMediatedUpcaster(),
            new ConsentRecordedUpcaster(),
            new DeadlineApproachingUpcaster(),
            TripKilometresUpcaster.interviewHeld(),
            TripKilometresUpcaster.contactStepTaken(),
            TripKilometresUpcaster.caseReviewed(),
            FreeTextAccompanierUpcaster.permitIssued(),
            FreeTextAccompanierUpcaster.permitExpired(),
            FreeTextAccompanierUpcaster.visitScheduled(),
            FreeTextAccompanierUpcaster.visitMediated(),
            FreeTextAccompanierUpcaster.deadlineApproaching()
        };
    }
}
