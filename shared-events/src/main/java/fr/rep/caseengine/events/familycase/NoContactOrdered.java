package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A court forbade the detained parent any contact with some children (interdiction d'entrer en relation). */
@Revision("1")
public record NoContactOrdered(
        CaseId caseId, Instant occurredAt, Instant recordedAt, Court court, List<SubjectId> children)
        implements CaseEvent {}
