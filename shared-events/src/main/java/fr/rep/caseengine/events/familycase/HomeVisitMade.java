package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A caseworker visited the family at home (visite à domicile). */
@Revision("1")
public record HomeVisitMade(CaseId caseId, Instant occurredAt, Instant recordedAt, int kilometres)
        implements CaseEvent {}
