package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionKind;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a snack or a craft workshop held at a prison by a team, with the parents who took part. */
record HoldCollectiveSession(
        @TargetAggregateIdentifier CollectiveActionId collectiveActionId,
        Instant occurredAt,
        CollectiveSessionKind kind,
        Team team,
        Prison prison,
        List<Participant> participants) {}
