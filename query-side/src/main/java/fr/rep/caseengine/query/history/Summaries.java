package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.familycase.*;
import java.util.Locale;
import java.util.stream.Collectors;

/** One readable sentence per event, from its facts only: no names, so erasing a person never touches the history. */
final class Summaries {

    private Summaries() {}

    static String of(CaseEvent event) {
        if (event instanceof RequestReceived request) {
            return "Request received by " + words(request.channel()) + " from the " + words(request.referrerType())
                    + ": " + plural(request.children().size(), "child", "children") + ", parent "
                    + words(request.penalStatus()) + " at " + request.prison().label() + ", team "
                    + request.team().label()
                    + (request.educationalOrJudicialMeasure() ? ", with an educational or judicial measure" : "")
                    + ".";
        }
        if (event instanceof RequestAccepted) {
            return "Request accepted after evaluation.";
        }
        if (event instanceof RequestDeclined declined) {
            return "Request declined: " + words(declined.reason())
                    + (declined.partiesNotified()
                            ? "; the parties were notified."
                            : "; the parties are still to be notified.");
        }
        if (event instanceof CaseAssigned assignment) {
            return "Case assigned to " + assignment.caseworker() + ".";
        }
        if (event instanceof ConsentRecorded consent) {
            return "Consent recorded from the " + party(consent.role()) + " " + consent.party()
                    + (consent.validUntil() == null ? "" : ", until " + consent.validUntil()) + ".";
        }
        if (event instanceof ConsentWithdrawn withdrawal) {
            return "Consent withdrawn by the " + party(withdrawal.role()) + " " + withdrawal.party() + ".";
        }
        if (event instanceof InterviewHeld interview) {
            return capitalised(words(interview.kind())) + " interview " + words(interview.place()) + " with "
                    + interview.participants().stream().map(Summaries::words).collect(Collectors.joining(", "))
                    + ".";
        }
        if (event instanceof CaseReviewed review) {
            return "Case reviewed by the team: support plan of " + review.plannedVisitsPerMonth()
                    + " visit(s) a month.";
        }
        if (event instanceof VisitingPermitIssued permit) {
            return "Visiting permit issued to " + who(permit.accompanier()) + " for "
                    + permit.prison().label() + ", valid until " + permit.validUntil() + ".";
        }
        if (event instanceof VisitingPermitExpired expired) {
            return "Visiting permit of " + who(expired.accompanier()) + " for "
                    + expired.prison().label() + " ended.";
        }
        if (event instanceof VisitScheduled scheduled) {
            return "Visit planned " + place(scheduled.place()) + " for " + scheduled.plannedFor() + " with "
                    + plural(scheduled.children().size(), "child", "children") + ".";
        }
        if (event instanceof VisitMediated visit) {
            return "Visit mediated " + place(visit.place()) + " with "
                    + plural(visit.children().size(), "child", "children")
                    + (visit.accompaniedBy() == null ? "" : ", accompanied by a " + words(visit.accompaniedBy()))
                    + (visit.durationMinutes() == null ? "" : ", " + visit.durationMinutes() + " min")
                    + (visit.kilometres() == null ? "" : ", " + visit.kilometres() + " km") + ".";
        }
        if (event instanceof ContactStepTaken contact) {
            return "Contact step: " + words(contact.step()) + " with "
                    + plural(contact.children().size(), "child", "children") + ", mediated by the "
                    + words(contact.mediatedBy()) + ".";
        }
        if (event instanceof VisitCancelled cancelled) {
            return "Planned visit cancelled: " + words(cancelled.reason()) + ".";
        }
        if (event instanceof HomeVisitMade home) {
            return "Home visit, " + home.kilometres() + " km.";
        }
        if (event instanceof NurseryAccompanimentMade nursery) {
            return "Day-nursery accompaniment of child " + nursery.child() + ", " + nursery.kilometres() + " km.";
        }
        if (event instanceof CustodyChanged custody) {
            return "Custody change: " + words(custody.change())
                    + (custody.prison() == null ? "" : " to " + custody.prison().label()) + ".";
        }
        if (event instanceof CourtDecisionRecorded decision) {
            return "Decision of the " + words(decision.court()) + ": visiting rights " + words(decision.rights())
                    + " for " + plural(decision.children().size(), "child", "children") + ".";
        }
        if (event instanceof NoContactOrdered order) {
            return "No-contact order by the " + words(order.court()) + " for "
                    + plural(order.children().size(), "child", "children") + ": " + order.children() + ".";
        }
        if (event instanceof NoContactOrderLifted lifted) {
            return "No-contact order lifted for " + plural(lifted.children().size(), "child", "children") + ".";
        }
        if (event instanceof ChildAdded added) {
            return "Child " + added.child().subjectId() + " added to the case (born "
                    + added.child().birthDate() + ").";
        }
        if (event instanceof EntryCorrected correction) {
            return "Entry " + correction.correctedEventId() + " corrected: " + words(correction.reason()) + ".";
        }
        if (event instanceof NurseryDerogationGranted derogation) {
            return "Derogation: child " + derogation.child() + " may stay in the prison nursery until 24 months.";
        }
        if (event instanceof DeadlineApproaching deadline) {
            return switch (deadline.kind()) {
                case CHILD_TURNS_18 ->
                    "Coming up: child " + deadline.child() + " turns 18 on " + deadline.dueOn() + ".";
                case NURSERY_SEPARATION ->
                    "Coming up: child " + deadline.child() + " must leave the prison nursery on " + deadline.dueOn()
                            + ".";
                case PERMIT_EXPIRES ->
                    "Coming up: the visiting permit of " + who(deadline.accompanier()) + " ends on " + deadline.dueOn()
                            + ".";
                case CONSENT_EXPIRES ->
                    "Coming up: the consent of " + deadline.party() + " ends on " + deadline.dueOn() + ".";
                case NO_RECENT_ACTIVITY ->
                    "Follow-up due since " + deadline.dueOn()
                            + ": nothing was recorded on the case for the inactivity period.";
            };
        }
        if (event instanceof InterventionClosed closing) {
            return "Intervention closed: " + words(closing.reason()) + ".";
        }
        if (event instanceof PersonalDataErased erasure) {
            return "Personal data of person " + erasure.subject() + " erased: " + words(erasure.reason()) + ".";
        }
        if (event instanceof CaseReopened) {
            return "Case reopened.";
        }
        return event.getClass().getSimpleName() + ".";
    }

    /** The reason an event states, as its stored code ({@code null} for events that state none). */
    static String reasonOf(CaseEvent event) {
        Enum<?> reason = event instanceof RequestDeclined declined
                ? declined.reason()
                : event instanceof InterventionClosed closing
                        ? closing.reason()
                        : event instanceof VisitCancelled cancelled
                                ? cancelled.reason()
                                : event instanceof EntryCorrected correction
                                        ? correction.reason()
                                        : event instanceof PersonalDataErased erasure ? erasure.reason() : null;
        return reason == null ? null : reason.name();
    }

    /**
     * An accompanier as the events know them: an account by its name (as {@code actor} names it), a person without an
     * account by subject id; one recorded by name before names left the events is not named. Kept in step with the
     * migration that rewrote the summaries stored before (V2026_12_03_2010).
     */
    static String who(Accompanier accompanier) {
        if (accompanier == null || accompanier.recordedBefore()) {
            return RECORDED_BEFORE;
        }
        return accompanier.account() != null ? accompanier.account() : "person " + accompanier.person();
    }

    static final String RECORDED_BEFORE = "an accompanier recorded by name (not shown)";

    private static String place(VisitPlace place) {
        return place == VisitPlace.PRISON_VISITING_ROOM ? "in the prison visiting room" : "outside prison";
    }

    private static String party(PartyRole role) {
        return role == PartyRole.ASE ? "ASE referent" : words(role);
    }

    private static String words(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
