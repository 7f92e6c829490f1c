package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A baby living with the mother in prison was taken to the day nursery (EAJE) and back. */
@Revision("1")
public record NurseryAccompanimentMade(
        CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId child, int kilometres) implements CaseEvent {}
