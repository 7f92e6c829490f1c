package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** After evaluation, the intervention is impossible; the parties were notified of the reason. */
@Revision("1")
public record RequestDeclined(
        CaseId caseId, Instant occurredAt, Instant recordedAt, DeclineReason reason, boolean partiesNotified)
        implements CaseEvent {}
