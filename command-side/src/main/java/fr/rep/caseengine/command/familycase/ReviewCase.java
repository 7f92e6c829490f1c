package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Record the team's case review and the pace of visits its support plan sets. */
public record ReviewCase(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt, int plannedVisitsPerMonth) {
}
