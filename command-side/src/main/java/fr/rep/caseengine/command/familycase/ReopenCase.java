package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Reopen a declined or closed case. */
record ReopenCase(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt) {
}
