package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An interview took place (first, intermediate or closing), with whom and where. */
@Revision("1")
public record InterviewHeld(CaseId caseId, Instant occurredAt, Instant recordedAt, InterviewKind kind, List<InterviewParticipant> participants, InterviewPlace place) implements CaseEvent {
}
