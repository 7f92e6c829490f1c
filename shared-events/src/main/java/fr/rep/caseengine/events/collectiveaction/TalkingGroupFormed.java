package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A team formed a closed talking group at a prison: its cycle has one session per theme, in this order.
 *
 * @param themes  the themes of the cycle's sessions, in order (4: see {@link TalkingGroupTheme#cycle()})
 * @param members the parents of the group, at most 8, each once
 */
@Revision("1")
public record TalkingGroupFormed(
        CollectiveActionId collectiveActionId,
        Instant occurredAt,
        Instant recordedAt,
        Team team,
        Prison prison,
        List<TalkingGroupTheme> themes,
        List<Participant> members)
        implements CollectiveActionEvent {

    public TalkingGroupFormed {
        themes = List.copyOf(themes);
        members = List.copyOf(members);
    }
}
