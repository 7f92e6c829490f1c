package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A visit between the detained parent and some of the children took place with the service as third party.
 * Revision 2 added what the annual report counts; revision 1 payloads are upcast with those facts unknown
 * ({@code null}), see {@link VisitMediatedUpcaster}.
 * Revision 3 made the accompanier a reference instead of a name ({@link FreeTextAccompanierUpcaster#visitMediated()}).
 *
 * @param children        the children present
 * @param place           the prison's visiting room or an ordinary place outside
 * @param visitId         the scheduled visit this held, or {@code null} for a visit recorded without schedule
 * @param accompanier     the account or person who accompanied, whose visiting permit a prison visit needs
 * @param accompaniedBy   a professional or a volunteer
 * @param durationMinutes how long it lasted
 * @param kilometres      kilometres travelled for it by the service
 */
@Revision("3")
public record VisitMediated(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        List<SubjectId> children,
        VisitPlace place,
        UUID visitId,
        Accompanier accompanier,
        Accompaniment accompaniedBy,
        Integer durationMinutes,
        Integer kilometres)
        implements CaseEvent {

    public VisitMediated {
        children = List.copyOf(children);
    }
}
