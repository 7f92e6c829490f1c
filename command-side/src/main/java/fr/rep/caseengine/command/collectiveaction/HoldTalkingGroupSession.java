package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record the next session of a talking group's cycle.
 *
 * @param theme   the theme the session was on, which must be the cycle's next one
 * @param present the members present, by their case
 */
record HoldTalkingGroupSession(
        @TargetAggregateIdentifier CollectiveActionId collectiveActionId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        TalkingGroupTheme theme,
        List<CaseId> present) {}
