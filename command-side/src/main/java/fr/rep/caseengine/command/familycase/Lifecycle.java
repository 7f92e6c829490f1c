package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.CaseStage;

import java.util.Map;
import java.util.Set;

/**
 * The lifecycle as a table: for each stage, the commands a case accepts. Anything else is refused with the
 * stage named. The documentation's diagram is to be generated from this table.
 */
final class Lifecycle {

    private static final Set<Class<?>> WHILE_OPEN =
            Set.of(AssignCase.class, RecordConsent.class, WithdrawConsent.class, MediateVisit.class,
                    CloseIntervention.class);

    static final Map<CaseStage, Set<Class<?>>> ALLOWED_COMMANDS = Map.of(
            CaseStage.RECEPTION, WHILE_OPEN,
            CaseStage.SETTING_UP, WHILE_OPEN,
            CaseStage.SUPPORT, WHILE_OPEN,
            CaseStage.CLOSED, Set.of());

    private Lifecycle() {
    }

    static boolean allows(CaseStage stage, Class<?> commandType) {
        return ALLOWED_COMMANDS.get(stage).contains(commandType);
    }
}
