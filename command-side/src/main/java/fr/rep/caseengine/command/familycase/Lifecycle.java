package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.CaseStage;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle as a table: for each stage, the commands a case accepts. Anything else is refused with the stage
 * named. {@code docs/lifecycle.md} is generated from this table and {@link CaseStage#TRANSITIONS} by a test.
 */
final class Lifecycle {

    private static final Set<Class<?>> WHILE_EVALUATED = Set.of(
            AcceptRequest.class,
            DeclineRequest.class,
            RecordInterview.class,
            RecordConsent.class,
            WithdrawConsent.class,
            AssignCase.class,
            AddChild.class,
            RecordCourtDecision.class,
            OrderNoContact.class,
            LiftNoContactOrder.class,
            RecordCustodyChange.class,
            CorrectEntry.class,
            CloseIntervention.class);

    private static final Set<Class<?>> WHILE_SUPPORTED = Set.of(
            RecordInterview.class,
            ReviewCase.class,
            RecordVisitingPermit.class,
            ExpireVisitingPermit.class,
            RecordContactStep.class,
            ScheduleVisit.class,
            RecordNurseryDerogation.class,
            MediateVisit.class,
            CancelVisit.class,
            RecordHomeVisit.class,
            RecordNurseryAccompaniment.class,
            RecordCustodyChange.class,
            RecordCourtDecision.class,
            OrderNoContact.class,
            LiftNoContactOrder.class,
            AddChild.class,
            CorrectEntry.class,
            RecordConsent.class,
            WithdrawConsent.class,
            AssignCase.class,
            CloseIntervention.class);

    static final Map<CaseStage, Set<Class<?>>> ALLOWED_COMMANDS = Map.of(
            CaseStage.RECEPTION, WHILE_EVALUATED,
            CaseStage.DECLINED, Set.of(ReopenCase.class),
            CaseStage.SETTING_UP, WHILE_SUPPORTED,
            CaseStage.CLOSED_SETTING, WHILE_SUPPORTED,
            CaseStage.OPEN_SETTING, WHILE_SUPPORTED,
            CaseStage.CLOSED, Set.of(ReopenCase.class));

    private Lifecycle() {}

    static boolean allows(CaseStage stage, Class<?> commandType) {
        return ALLOWED_COMMANDS.get(stage).contains(commandType);
    }
}
