package fr.rep.caseengine.command.access;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.staff.Caller;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The detained parent of a case the caller may act on, read from the case's first event in the event store: the
 * parent a collective action lists by their case, or the same parent named again on a second family's request.
 */
@Component
public class DetainedParentOfCase {

    private final CaseAccess access;
    private final EventStore events;

    DetainedParentOfCase(CaseAccess access, EventStore events) {
        this.access = access;
        this.events = events;
    }

    /**
     * The case's detained parent. A case the caller may not act on answers as if it did not exist
     * ({@link CaseOutOfReach}, 404).
     */
    public SubjectId of(Caller caller, CaseId caseId) {
        access.requireCanAct(caller, caseId);
        DomainEventStream stream = events.readEvents(caseId.toString(), 0);
        if (stream.hasNext() && stream.next().getPayload() instanceof RequestReceived request) {
            return request.detainedParent();
        }
        throw new CaseOutOfReach(caseId);
    }
}
