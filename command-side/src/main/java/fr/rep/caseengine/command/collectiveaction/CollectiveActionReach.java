package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.command.access.DetainedParentOfCase;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupFormed;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Checks, before a command is sent, that the caller may record it: a team's caseworkers record its collective
 * actions, with parents of cases they may act on. The facts it needs (a group's team, a case's detained parent) are in
 * the first event of each stream, read from the event store itself.
 */
@Component
class CollectiveActionReach {

    private final DetainedParentOfCase detainedParents;
    private final EventStore events;

    CollectiveActionReach(DetainedParentOfCase detainedParents, EventStore events) {
        this.detainedParents = detainedParents;
        this.events = events;
    }

    void requireCaseworkerOf(Caller caller, Team team) {
        if (!(caller.has(Role.CASEWORKER) && caller.isIn(team))) {
            throw new OtherTeamsCollectiveAction(team);
        }
    }

    /** The group must exist (404 otherwise) and belong to the caller's team (403 otherwise). */
    void requireCanRecordFor(Caller caller, CollectiveActionId groupId) {
        if (!(firstEventOf(groupId.toString()) instanceof TalkingGroupFormed formed)) {
            throw new UnknownTalkingGroup(groupId);
        }
        requireCaseworkerOf(caller, formed.team());
    }

    /**
     * The detained parent of each case, as a participant. A case the caller may not act on answers as if it did not
     * exist ({@link fr.rep.caseengine.command.access.CaseOutOfReach}, 404).
     */
    List<Participant> participants(Caller caller, List<CaseId> caseIds) {
        List<Participant> participants = new ArrayList<>();
        for (CaseId caseId : caseIds) {
            participants.add(new Participant(caseId, detainedParents.of(caller, caseId)));
        }
        return participants;
    }

    /** The payload of an aggregate's first event, or {@code null} when it has none; snapshots are not read. */
    private Object firstEventOf(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        return stream.hasNext() ? stream.next().getPayload() : null;
    }
}
