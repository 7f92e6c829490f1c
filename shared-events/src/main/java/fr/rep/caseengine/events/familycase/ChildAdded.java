package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A child joined the case (a sibling, a birth). */
@Revision("1")
public record ChildAdded(CaseId caseId, Instant occurredAt, Instant recordedAt, ChildOnCase child)
        implements CaseEvent {}
