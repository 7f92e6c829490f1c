package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Take the request on after evaluation. */
public record AcceptRequest(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt) {}
