package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Form a talking group at a prison with its first members; its cycle takes the fixed themes in order. */
record FormTalkingGroup(
        @TargetAggregateIdentifier CollectiveActionId collectiveActionId,
        Instant occurredAt,
        Team team,
        Prison prison,
        List<Participant> members) {}
