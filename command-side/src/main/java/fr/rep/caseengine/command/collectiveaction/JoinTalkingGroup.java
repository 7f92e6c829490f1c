package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Add a parent to a talking group before its first session.
 *
 * @param expectedVersion the group version the caller saw ({@code If-Match}), or {@code null} not to check
 */
record JoinTalkingGroup(
        @TargetAggregateIdentifier CollectiveActionId collectiveActionId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        Participant member) {}
