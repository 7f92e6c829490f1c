package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A visit between the detained parent and some of the children took place with the service as third party.
 *
 * @param children the children present
 * @param place    the prison's visiting room or an ordinary place outside
 */
@Revision("1")
public record VisitMediated(CaseId caseId, Instant occurredAt, Instant recordedAt,
                            List<SubjectId> children, VisitPlace place) implements CaseEvent {

    public VisitMediated {
        children = List.copyOf(children);
    }
}
