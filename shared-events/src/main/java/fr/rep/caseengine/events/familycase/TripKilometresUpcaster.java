package fr.rep.caseengine.events.familycase;

/**
 * Reads revision 1 of the events that gained the kilometres of their trip in revision 2 (an interview, a contact
 * step, a case review meeting): the distance was not recorded then, so it reads as unknown ({@code null}).
 */
public class TripKilometresUpcaster extends AddedFieldsUpcaster {

    private TripKilometresUpcaster(Class<?> type) {
        super(type, "1", "2", "kilometres");
    }

    public static TripKilometresUpcaster interviewHeld() {
        return new TripKilometresUpcaster(InterviewHeld.class);
    }

    public static TripKilometresUpcaster contactStepTaken() {
        return new TripKilometresUpcaster(ContactStepTaken.class);
    }

    public static TripKilometresUpcaster caseReviewed() {
        return new TripKilometresUpcaster(CaseReviewed.class);
    }
}
