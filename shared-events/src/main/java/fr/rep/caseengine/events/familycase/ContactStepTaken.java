package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A step in rebuilding contact between the parent and some children, before or besides visits.
 *
 * Revision 2 added the kilometres the annual report sums; a revision 1 payload reads them as unknown ({@code null},
 * {@link TripKilometresUpcaster}).
 *
 * @param mediatedBy who acted as third party: the service's professional, a volunteer or the ASE referent
 * @param kilometres kilometres travelled by the service for it, or {@code null} when not recorded
 */
@Revision("2")
public record ContactStepTaken(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        ContactStep step,
        List<SubjectId> children,
        Accompaniment mediatedBy,
        Integer kilometres)
        implements CaseEvent {

    public ContactStepTaken {
        children = List.copyOf(children);
    }
}
