package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopen a declined or closed case. */
record ReopenCase(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt) {}
