package fr.rep.caseengine.events.prison;

import fr.rep.caseengine.events.familycase.Prison;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A prison suspended every visit from {@code from} (inclusive) to {@code until} (exclusive); the service's scheduled
 * visits there in that period are cancelled on each case.
 */
@Revision("1")
public record PrisonVisitsSuspended(
        UUID suspensionId,
        Instant occurredAt,
        Instant recordedAt,
        Prison prison,
        Instant from,
        Instant until,
        SuspensionReason reason) {}
