package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A declined or closed case was reopened. */
@Revision("1")
public record CaseReopened(CaseId caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {
}
