package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a home visit to the family. */
record RecordHomeVisit(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        int kilometres) {}
