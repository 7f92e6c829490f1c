package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A visiting permit (permis de visite) was issued to an accompanier for a prison, valid until a date. */
@Revision("1")
public record VisitingPermitIssued(CaseId caseId, Instant occurredAt, Instant recordedAt, String accompanier, Prison prison, LocalDate validUntil) implements CaseEvent {
}
