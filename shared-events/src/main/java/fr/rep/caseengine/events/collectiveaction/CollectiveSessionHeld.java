package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A snack or a craft workshop took place at a prison, run by a team, with these detained parents.
 *
 * @param kind         snack or craft workshop
 * @param participants the parents present, each once
 */
@Revision("1")
public record CollectiveSessionHeld(
        CollectiveActionId collectiveActionId,
        Instant occurredAt,
        Instant recordedAt,
        CollectiveSessionKind kind,
        Team team,
        Prison prison,
        List<Participant> participants)
        implements CollectiveActionEvent {

    public CollectiveSessionHeld {
        participants = List.copyOf(participants);
    }
}
