package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.CustodyChange;
import fr.rep.caseengine.events.familycase.Prison;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a step of the parent's penal path (transfer, release, placement, leave, monitoring, return). */
public record RecordCustodyChange(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        CustodyChange change,
        Prison prison) {}
