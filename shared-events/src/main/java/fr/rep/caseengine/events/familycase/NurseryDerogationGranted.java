package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A derogation lets a baby stay in the prison nursery until 24 months instead of 18. */
@Revision("1")
public record NurseryDerogationGranted(CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId child)
        implements CaseEvent {}
