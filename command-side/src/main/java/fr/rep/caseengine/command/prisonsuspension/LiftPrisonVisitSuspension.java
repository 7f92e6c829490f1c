package fr.rep.caseengine.command.prisonsuspension;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a prison lifted its suspension of visits. */
public record LiftPrisonVisitSuspension(@TargetAggregateIdentifier UUID suspensionId, Instant occurredAt) {
}
