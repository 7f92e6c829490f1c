package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.Prison;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Record a step of the parent's penal path (transfer, release, placement, leave, monitoring, return). */
public record RecordCustodyChange(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt, CustodyChange change, Prison prison) {
}
