package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.events.staff.Caller;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a prison lifted its suspension of visits.
 *
 * @param by who records it, whose scope the suspended prison must be in
 */
record LiftPrisonVisitSuspension(@TargetAggregateIdentifier UUID suspensionId, Instant occurredAt, Caller by) {}
