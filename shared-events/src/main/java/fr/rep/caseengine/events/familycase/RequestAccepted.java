package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** After evaluation, the service takes the request on: mediation and setting up begin. */
@Revision("1")
public record RequestAccepted(CaseId caseId, Instant occurredAt, Instant recordedAt) implements CaseEvent {}
