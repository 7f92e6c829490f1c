package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.CaseStage;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Which of the case page's forms a stage accepts, asked of the command side's {@link Lifecycle} table so that the
 * page never offers what the command would refuse for its stage. Templates ask it as {@code @caseActions}.
 */
@Component("caseActions")
public class CaseActionsByStage {

    /** The page's forms, by the name their address and template use, and the command each one sends. */
    private static final Map<String, Class<?>> COMMANDS = Map.of(
            "acceptation", AcceptRequest.class,
            "adhesion", RecordConsent.class,
            "cloture", CloseIntervention.class,
            "permis", RecordVisitingPermit.class,
            "programmation", ScheduleVisit.class,
            "visite", MediateVisit.class);

    /**
     * @param action one of the page's forms ({@code acceptation}, {@code adhesion}, {@code cloture}, {@code permis},
     *               {@code programmation}, {@code visite})
     * @return whether a case at that stage accepts the form's command
     */
    public boolean allows(CaseStage stage, String action) {
        Class<?> command = COMMANDS.get(action);
        if (command == null) {
            throw new IllegalArgumentException("no form named " + action);
        }
        return Lifecycle.allows(stage, command);
    }
}
