package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Assign the case to a caseworker (a team manager's decision). */
record AssignCase(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        String caseworker) {}
