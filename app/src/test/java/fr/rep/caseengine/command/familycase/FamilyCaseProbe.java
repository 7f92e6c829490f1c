package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseFacts;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * A case rebuilt from its events as Axon rebuilds it (its event-sourcing handler, event by event), for tests of other
 * packages that compare what it decides on with other readings of the same events.
 */
public final class FamilyCaseProbe {

    private final FamilyCase aggregate = new FamilyCase();

    public void apply(String eventId, long sequence, CaseEvent event) {
        aggregate.on(
                event,
                new GenericDomainEventMessage<>(
                        FamilyCase.class.getSimpleName(),
                        event.caseId().toString(),
                        sequence,
                        event,
                        MetaData.emptyInstance(),
                        eventId,
                        event.recordedAt()));
    }

    /** The facts the case's rules are judged on. */
    public CaseFacts.Known decisionInputs() {
        return aggregate.facts();
    }
}
