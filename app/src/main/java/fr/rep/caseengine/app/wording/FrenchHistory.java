package fr.rep.caseengine.app.wording;

import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.query.history.HistorySentences;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A case's history in French: one sentence per event, by event id, to show beside the entries of
 * {@code GET /api/cases/{id}/history} (whose {@code summary} stays English). The sentences are told from the case's
 * events in the store, in order, so that people are named by their role on the case and corrections by the entry they
 * correct — facts the history's stored rows do not keep. Nothing is stored: every past event reads in French at once,
 * and rebuilding the history projection changes nothing here.
 * <p>
 * It reads the case whatever the caller: call it only for a case whose history the caller was just allowed to read
 * (the history query checks the scope and answers unknown otherwise).
 */
@Component
public class FrenchHistory implements HistorySentences {

    private final EventStore events;
    private final DomainWords words;
    private final Clock clock;

    FrenchHistory(EventStore events, DomainWords words, Clock clock) {
        this.events = events;
        this.words = words;
        this.clock = clock;
    }

    /** The French sentence of every event of the case, by event id, in the case's order; empty for no such case. */
    @Override
    public Map<String, String> sentences(UUID caseId) {
        List<FrenchSentences.Stored> stored = events.readEvents(caseId.toString(), 0)
                .asStream()
                .filter(message -> message.getPayload() instanceof CaseEvent)
                .map(FrenchHistory::stored)
                .toList();
        return FrenchSentences.of(stored, words, clock.getZone());
    }

    private static FrenchSentences.Stored stored(DomainEventMessage<?> message) {
        return new FrenchSentences.Stored(message.getIdentifier(), (CaseEvent) message.getPayload());
    }
}
