package fr.rep.caseengine.events.collectiveaction;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;

/**
 * What every event of a collective action states: which action, when the fact happened (as the caseworker reports
 * it) and when the service recorded it (server clock), and the team and prison it counts for in the annual report.
 * The actor and correlation id travel as metadata (see {@link fr.rep.caseengine.events.EventMetadata}).
 */
public sealed interface CollectiveActionEvent
        permits CollectiveSessionHeld, TalkingGroupFormed, TalkingGroupJoined, TalkingGroupSessionHeld {

    CollectiveActionId collectiveActionId();

    Instant occurredAt();

    Instant recordedAt();

    Team team();

    Prison prison();
}
