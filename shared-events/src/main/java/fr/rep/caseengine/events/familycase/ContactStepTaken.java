package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A step in rebuilding contact between the parent and some children, before or besides visits.
 *
 * @param mediatedBy who acted as third party: the service's professional, a volunteer or the ASE referent
 */
@Revision("1")
public record ContactStepTaken(CaseId caseId, Instant occurredAt, Instant recordedAt, ContactStep step,
                               List<SubjectId> children, Accompaniment mediatedBy) implements CaseEvent {

    public ContactStepTaken {
        children = List.copyOf(children);
    }
}
