package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An accompanier's visiting permit for a prison ended before or at its planned date. Revision 2: the
 * accompanier is a reference; revision 1 is read through {@link FreeTextAccompanierUpcaster#permitExpired()}. */
@Revision("2")
public record VisitingPermitExpired(
        CaseId caseId, Instant occurredAt, Instant recordedAt, Accompanier accompanier, Prison prison)
        implements CaseEvent {}
