package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A visit was planned with some of the children; it is prepared with them beforehand. Revision 2: the
 * accompanier is a reference; revision 1 is read through {@link FreeTextAccompanierUpcaster#visitScheduled()}. */
@Revision("2")
public record VisitScheduled(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        UUID visitId,
        Instant plannedFor,
        List<SubjectId> children,
        VisitPlace place,
        Accompanier accompanier)
        implements CaseEvent {}
