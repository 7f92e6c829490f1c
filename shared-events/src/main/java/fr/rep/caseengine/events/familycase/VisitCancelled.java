package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A scheduled visit will not take place. */
@Revision("1")
public record VisitCancelled(
        CaseId caseId, Instant occurredAt, Instant recordedAt, UUID visitId, VisitCancellationReason reason)
        implements CaseEvent {}
