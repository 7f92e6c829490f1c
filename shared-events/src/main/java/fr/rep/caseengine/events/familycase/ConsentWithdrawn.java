package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A party withdrew their adhesion: visits needing it are blocked until a new consent is recorded. */
@Revision("1")
public record ConsentWithdrawn(CaseId caseId, Instant occurredAt, Instant recordedAt, SubjectId party, PartyRole role)
        implements CaseEvent {}
