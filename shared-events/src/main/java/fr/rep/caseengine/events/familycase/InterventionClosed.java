package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The intervention ended for one of the report's reasons; the case accepts nothing more. */
@Revision("1")
public record InterventionClosed(CaseId caseId, Instant occurredAt, Instant recordedAt, ClosingReason reason)
        implements CaseEvent {}
