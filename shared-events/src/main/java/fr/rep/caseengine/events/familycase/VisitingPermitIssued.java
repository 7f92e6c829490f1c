package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A visiting permit (permis de visite) was issued to an accompanier for a prison, valid until a date.
 * Revision 2: the accompanier is a reference ({@link Accompanier}), no longer a name; revision 1 is read through
 * {@link FreeTextAccompanierUpcaster#permitIssued()}.
 */
@Revision("2")
public record VisitingPermitIssued(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        Accompanier accompanier,
        Prison prison,
        LocalDate validUntil)
        implements CaseEvent {}
