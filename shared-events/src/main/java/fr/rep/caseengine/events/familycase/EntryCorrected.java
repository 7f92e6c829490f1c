package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An earlier entry is void: it stays in the history, and this correction points at it with the reason. */
@Revision("1")
public record EntryCorrected(
        CaseId caseId, Instant occurredAt, Instant recordedAt, String correctedEventId, CorrectionReason reason)
        implements CaseEvent {}
