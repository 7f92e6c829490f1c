package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Record a home visit to the family. */
record RecordHomeVisit(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt, int kilometres) {
}
