package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The detained parent's penal path moved on: the support follows in closed or open setting. */
@Revision("1")
public record CustodyChanged(CaseId caseId, Instant occurredAt, Instant recordedAt, CustodyChange change, Prison prison)
        implements CaseEvent {}
