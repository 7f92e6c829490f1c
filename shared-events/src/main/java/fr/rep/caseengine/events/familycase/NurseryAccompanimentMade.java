package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A baby living with the mother in prison was taken to the day nursery (EAJE) and back. */
@Revision("1")
public record NurseryAccompanimentMade(CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId child, int kilometres) implements CaseEvent {
}
