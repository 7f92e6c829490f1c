package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A declined or closed case was reopened. */
@Revision("1")
public record CaseReopened(CaseId caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {}
