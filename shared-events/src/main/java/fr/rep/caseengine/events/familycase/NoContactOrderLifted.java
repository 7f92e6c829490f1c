package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A no-contact order was lifted for some children. */
@Revision("1")
public record NoContactOrderLifted(CaseId caseId, Instant occurredAt, Instant recordedAt, List<SubjectId> children)
        implements CaseEvent {}
