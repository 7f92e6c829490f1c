package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One session of a talking group's cycle took place.
 *
 * @param session      its number in the cycle, from 1
 * @param theme        the theme of that session in the cycle
 * @param participants the members present, each once
 */
@Revision("1")
public record TalkingGroupSessionHeld(
        CollectiveActionId collectiveActionId,
        Instant occurredAt,
        Instant recordedAt,
        Team team,
        Prison prison,
        int session,
        TalkingGroupTheme theme,
        List<Participant> participants)
        implements CollectiveActionEvent {

    public TalkingGroupSessionHeld {
        participants = List.copyOf(participants);
    }
}
