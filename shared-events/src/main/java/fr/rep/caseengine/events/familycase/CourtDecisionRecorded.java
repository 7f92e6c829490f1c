package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A JE or JAF decision on visiting rights for some children. */
@Revision("1")
public record CourtDecisionRecorded(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        Court court,
        VisitingRights rights,
        List<SubjectId> children)
        implements CaseEvent {}
