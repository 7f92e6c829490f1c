package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Take the request on after evaluation. */
public record AcceptRequest(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt) {
}
