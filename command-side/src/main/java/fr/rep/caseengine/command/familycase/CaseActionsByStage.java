package fr.rep.caseengine.command.familycase;

import static java.util.Map.entry;

import fr.rep.caseengine.events.familycase.CaseStage;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which of the case page's forms a stage accepts, asked of the command side's {@link Lifecycle} table so that the
 * page never offers what the command would refuse for its stage; and which entries a correction may void, asked of
 * the case itself. Templates ask it as {@code @caseActions}.
 */
@Component("caseActions")
public class CaseActionsByStage {

    /** The page's forms, by the name their address and template use, and the command each one sends. */
    static final Map<String, Class<?>> COMMANDS = Map.ofEntries(
            entry("acceptation", AcceptRequest.class),
            entry("refus", DeclineRequest.class),
            entry("entretien", RecordInterview.class),
            entry("bilan", ReviewCase.class),
            entry("adhesion", RecordConsent.class),
            entry("retrait", WithdrawConsent.class),
            entry("permis", RecordVisitingPermit.class),
            entry("fin-permis", ExpireVisitingPermit.class),
            entry("contact", RecordContactStep.class),
            entry("programmation", ScheduleVisit.class),
            entry("visite", MediateVisit.class),
            entry("annulation", CancelVisit.class),
            entry("domicile", RecordHomeVisit.class),
            entry("eaje", RecordNurseryAccompaniment.class),
            entry("derogation", RecordNurseryDerogation.class),
            entry("detention", RecordCustodyChange.class),
            entry("decision", RecordCourtDecision.class),
            entry("interdiction", OrderNoContact.class),
            entry("levee", LiftNoContactOrder.class),
            entry("enfant", AddChild.class),
            entry("correction", CorrectEntry.class),
            entry("cloture", CloseIntervention.class),
            entry("reouverture", ReopenCase.class),
            entry("affectation", AssignCase.class));

    /**
     * @param action one of the page's forms (the keys of {@link #COMMANDS}: {@code acceptation}, {@code refus},
     *               {@code adhesion}, {@code cloture} ...)
     * @return whether a case at that stage accepts the form's command
     */
    public boolean allows(CaseStage stage, String action) {
        Class<?> command = COMMANDS.get(action);
        if (command == null) {
            throw new IllegalArgumentException("no form named " + action);
        }
        return Lifecycle.allows(stage, command);
    }

    /** Whether a case at that stage accepts any of these forms: a group of forms shows only then. */
    public boolean allowsAny(CaseStage stage, String... actions) {
        for (String action : actions) {
            if (allows(stage, action)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param eventType an event's simple type name, as the history lists it
     * @return whether a correction may void an entry of that type (the case refuses the others)
     */
    public boolean correctable(String eventType) {
        return FamilyCase.CORRECTABLE.stream()
                .anyMatch(type -> type.getSimpleName().equals(eventType));
    }
}
