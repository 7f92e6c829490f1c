package fr.rep.caseengine.command.collectiveaction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A snack or a craft workshop: one session, complete once recorded. Unlike a talking group, nothing links it to
 * another session, so it accepts no later command.
 */
@Aggregate
class CollectiveSession {

    @AggregateIdentifier
    private CollectiveActionId collectiveActionId;

    protected CollectiveSession() {
        // required by Axon to rebuild the session from its event
    }

    @CommandHandler
    CollectiveSession(HoldCollectiveSession command, Clock clock) {
        Attendance.requireEachParentOnce(command.participants());
        apply(new CollectiveSessionHeld(
                command.collectiveActionId(),
                command.occurredAt(),
                clock.instant(),
                command.kind(),
                command.team(),
                command.prison(),
                command.participants()));
    }

    @EventSourcingHandler
    void on(CollectiveSessionHeld event) {
        collectiveActionId = event.collectiveActionId();
    }
}
