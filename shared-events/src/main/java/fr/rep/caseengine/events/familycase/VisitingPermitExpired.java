package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An accompanier's visiting permit for a prison ended before or at its planned date. */
@Revision("1")
public record VisitingPermitExpired(CaseId caseId, Instant occurredAt, Instant recordedAt, String accompanier, Prison prison) implements CaseEvent {
}
