package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A parent joined a talking group before its first session (the group is closed from then on).
 *
 * @param member the new member
 */
@Revision("1")
public record TalkingGroupJoined(
        CollectiveActionId collectiveActionId,
        Instant occurredAt,
        Instant recordedAt,
        Team team,
        Prison prison,
        Participant member)
        implements CollectiveActionEvent {}
