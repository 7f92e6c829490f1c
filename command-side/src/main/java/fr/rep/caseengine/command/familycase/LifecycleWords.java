package fr.rep.caseengine.command.familycase;

import static java.util.Map.entry;

import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.prison.SuspensionReason;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The words of the {@link Lifecycle} table, as a caseworker says them: each command as a step ("A visit can be
 * recorded"), each stage as where the case stands ("this case is still at reception"). A step refused for the stage
 * joins the two with what the step waits for, read from the table itself: "A visit can be recorded once the request
 * has been accepted; this case is still at reception". Also the words of the values refusals name.
 */
final class LifecycleWords {

    static final Map<Class<?>, String> STEPS = Map.ofEntries(
            entry(AcceptRequest.class, "A request can be accepted"),
            entry(DeclineRequest.class, "A request can be declined"),
            entry(RecordInterview.class, "An interview can be recorded"),
            entry(RecordConsent.class, "A consent can be recorded"),
            entry(WithdrawConsent.class, "A consent can be withdrawn"),
            entry(AssignCase.class, "A case can be assigned"),
            entry(AddChild.class, "A child can be added"),
            entry(RecordCourtDecision.class, "A court decision can be recorded"),
            entry(OrderNoContact.class, "A no-contact order can be recorded"),
            entry(LiftNoContactOrder.class, "The lifting of a no-contact order can be recorded"),
            entry(RecordCustodyChange.class, "A change in the parent's custody can be recorded"),
            entry(CorrectEntry.class, "An entry can be corrected"),
            entry(CloseIntervention.class, "A case can be closed"),
            entry(ReviewCase.class, "The team's review can be recorded"),
            entry(RecordVisitingPermit.class, "A visiting permit can be recorded"),
            entry(ExpireVisitingPermit.class, "The end of a visiting permit can be recorded"),
            entry(RecordContactStep.class, "A photo, letter or phone call can be recorded"),
            entry(ScheduleVisit.class, "A visit can be scheduled"),
            entry(RecordNurseryDerogation.class, "A longer stay of a baby in the prison nursery can be recorded"),
            entry(MediateVisit.class, "A visit can be recorded"),
            entry(CancelVisit.class, "A visit can be cancelled"),
            entry(RecordHomeVisit.class, "A home visit can be recorded"),
            entry(RecordNurseryAccompaniment.class, "A day-nursery accompaniment can be recorded"),
            entry(ReopenCase.class, "A case can be reopened"));

    /** Where a case stands; the closed and declined ones are completed with their reason by {@link #refusal}. */
    static final Map<CaseStage, String> STAGES = Map.of(
            CaseStage.RECEPTION, "this case is still at reception",
            CaseStage.DECLINED, "this request was declined",
            CaseStage.SETTING_UP, "this request was accepted and the case is being set up",
            CaseStage.CLOSED_SETTING, "this request was accepted and the visits take place in prison",
            CaseStage.OPEN_SETTING, "this request was accepted and the visits take place outside prison",
            CaseStage.CLOSED, "this case was closed");

    private static final Set<CaseStage> SUPPORT =
            EnumSet.of(CaseStage.SETTING_UP, CaseStage.CLOSED_SETTING, CaseStage.OPEN_SETTING);

    private LifecycleWords() {}

    /**
     * The refusal of a command the stage does not accept.
     *
     * @param why the closing's or the declining's reason in words, for a closed or declined case; else ignored
     */
    static RuleViolation refusal(CaseStage stage, Class<?> command, String why) {
        String where = STAGES.get(stage);
        if (stage == CaseStage.CLOSED || stage == CaseStage.DECLINED) {
            CaseRule rule = stage == CaseStage.CLOSED
                    ? CaseRule.CLOSED_CASE_ACCEPTS_NOTHING
                    : CaseRule.DECLINED_CASE_ACCEPTS_NOTHING;
            return RuleViolation.said(
                    rule, step(command) + " only while the case is open; " + where + " (" + why + "): reopen it first");
        }
        Set<CaseStage> allowed = Lifecycle.ALLOWED_COMMANDS.entrySet().stream()
                .filter(row -> row.getValue().contains(command))
                .map(Map.Entry::getKey)
                .collect(() -> EnumSet.noneOf(CaseStage.class), Set::add, Set::addAll);
        if (allowed.equals(Set.of(CaseStage.RECEPTION))) {
            return RuleViolation.said(
                    CaseRule.REQUEST_DECIDED_ONCE, step(command) + " only while it is at reception; " + where);
        }
        if (allowed.equals(EnumSet.of(CaseStage.DECLINED, CaseStage.CLOSED))) {
            return RuleViolation.said(
                    CaseRule.ONLY_AN_ENDED_CASE_REOPENS,
                    step(command) + " only once it is closed or its request declined; " + where);
        }
        if (SUPPORT.containsAll(allowed) && !allowed.isEmpty()) {
            return RuleViolation.said(
                    CaseRule.NOT_IN_THIS_STAGE, step(command) + " once the request has been accepted; " + where);
        }
        throw new IllegalStateException(command.getSimpleName() + " is refused in " + stage + " by no worded rule");
    }

    private static String step(Class<?> command) {
        String step = STEPS.get(command);
        if (step == null) {
            throw new IllegalStateException("no words for " + command.getSimpleName());
        }
        return step;
    }

    static String words(ClosingReason reason) {
        return switch (reason) {
            case CHILD_TURNED_18 -> "the child turned 18";
            case PARENT_RELEASED -> "the parent was released";
            case ORIENTED_TO_NEUTRAL_MEETING_PLACE -> "oriented to a neutral meeting place";
            case ORIENTED_TO_OTHER_SERVICE -> "oriented to another service";
            case REQUEST_IMPOSSIBLE -> "the request cannot be carried out";
        };
    }

    static String words(DeclineReason reason) {
        return switch (reason) {
            case OUTSIDE_REMIT -> "outside the service's remit";
            case JUDICIAL_OPPOSITION -> "a judicial decision forbids the contact";
            case PARTY_REFUSED -> "a party refused the support";
            case NO_FOLLOW_UP -> "no follow-up from the family";
            case SUPPORTED_ELSEWHERE -> "supported by another service";
        };
    }

    static String words(Court court) {
        return switch (court) {
            case CHILDREN_JUDGE -> "children judge";
            case FAMILY_JUDGE -> "family judge";
            case CRIMINAL_COURT -> "criminal court";
        };
    }

    static String words(SuspensionReason reason) {
        return switch (reason) {
            case SANITARY_MEASURES -> "sanitary measures";
            case SECURITY_MEASURES -> "security measures";
            case STAFF_SHORTAGE -> "staff shortage";
        };
    }
}
