package fr.rep.caseengine.events.prison;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The prison lifted a suspension of visits; visits can be planned again. */
@Revision("1")
public record PrisonVisitSuspensionLifted(UUID suspensionId, Instant occurredAt, Instant recordedAt) {}
