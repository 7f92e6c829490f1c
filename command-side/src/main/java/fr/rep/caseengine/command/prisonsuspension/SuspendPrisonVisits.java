package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.SuspensionReason;
import fr.rep.caseengine.events.staff.Caller;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a prison suspends every visit for a period.
 *
 * @param by who records it, whose scope the prison must be in
 */
record SuspendPrisonVisits(
        @TargetAggregateIdentifier UUID suspensionId,
        Instant occurredAt,
        Prison prison,
        Instant from,
        Instant until,
        SuspensionReason reason,
        Caller by) {}
