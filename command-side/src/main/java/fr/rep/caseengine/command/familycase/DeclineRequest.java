package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.DeclineReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Decline the request after evaluation, saying why and whether the parties were told. */
record DeclineRequest(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        DeclineReason reason,
        boolean partiesNotified) {}
