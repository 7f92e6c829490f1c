package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.Prison;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;

/** Record a visiting permit issued to an accompanier for the parent's prison. */
public record RecordVisitingPermit(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt, String accompanier, Prison prison, LocalDate validUntil) {
}
