package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A party's explicit adhesion to the support (engagement contract) was recorded; it holds until withdrawn. */
@Revision("1")
public record ConsentRecorded(CaseId caseId, Instant occurredAt, Instant recordedAt,
                              SubjectId party, PartyRole role) implements CaseEvent {
}
