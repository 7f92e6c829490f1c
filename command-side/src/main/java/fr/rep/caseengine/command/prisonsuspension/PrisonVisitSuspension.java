package fr.rep.caseengine.command.prisonsuspension;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.PrisonVisitSuspensionLifted;
import fr.rep.caseengine.events.prison.PrisonVisitsSuspended;
import fr.rep.caseengine.events.staff.Caller;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One suspension of visits in one prison, from its announcement to its lifting. */
@Aggregate
class PrisonVisitSuspension {

    @AggregateIdentifier
    private UUID suspensionId;

    private Prison prison;
    private boolean lifted;

    protected PrisonVisitSuspension() {
        // required by Axon to rebuild the suspension from its events
    }

    @CommandHandler
    PrisonVisitSuspension(SuspendPrisonVisits command, Clock clock) {
        inScope(command.by(), command.prison());
        if (!command.until().isAfter(command.from())) {
            throw new RuleViolation(
                    SuspensionRule.ENDS_AFTER_IT_BEGINS, command.from() + " is not before " + command.until());
        }
        apply(new PrisonVisitsSuspended(
                command.suspensionId(),
                command.occurredAt(),
                clock.instant(),
                command.prison(),
                command.from(),
                command.until(),
                command.reason()));
    }

    @CommandHandler
    void handle(LiftPrisonVisitSuspension command, Clock clock) {
        inScope(command.by(), prison);
        if (lifted) {
            throw new RuleViolation(SuspensionRule.LIFTED_ONCE, "this one already was");
        }
        apply(new PrisonVisitSuspensionLifted(suspensionId, command.occurredAt(), clock.instant()));
    }

    private static void inScope(Caller caller, Prison prison) {
        if (!caller.maySuspendVisitsAt(prison)) {
            throw new RuleViolation(
                    SuspensionRule.OWN_TEAMS_PRISONS,
                    prison.label() + " is not a prison of "
                            + (caller.team() == null
                                    ? "any team of the caller"
                                    : caller.team().label()));
        }
    }

    @EventSourcingHandler
    void on(PrisonVisitsSuspended event) {
        suspensionId = event.suspensionId();
        prison = event.prison();
    }

    @EventSourcingHandler
    void on(PrisonVisitSuspensionLifted event) {
        lifted = true;
    }
}
