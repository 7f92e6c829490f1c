package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.familycase.AcceptRequest;
import fr.rep.caseengine.command.familycase.CloseIntervention;
import fr.rep.caseengine.command.familycase.MediateVisit;
import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.familycase.RecordConsent;
import fr.rep.caseengine.command.familycase.RecordVisitingPermit;
import fr.rep.caseengine.command.familycase.WithdrawConsent;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.EventMetadata;
import fr.rep.caseengine.events.SubjectId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Where the benchmark sends its commands: straight to Axon's command gateway, or through the HTTP API. */
interface CommandChannel {

    /** The case as the engine knows it and its version once the command is stored. */
    record Stored(UUID caseId, long version) {}

    String name();

    Stored send(WorkloadCommand command);

    /**
     * The engine's core: Axon's command gateway with the actor as metadata, as the HTTP layer calls it, without HTTP,
     * JSON or the personal-data store.
     */
    static CommandChannel gateway(CommandGateway gateway) {
        return new CommandChannel() {
            @Override
            public String name() {
                return "gateway";
            }

            @Override
            public Stored send(WorkloadCommand command) {
                Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.command())
                        .andMetaData(Map.of(EventMetadata.ACTOR, command.actor())));
                long version = command.command() instanceof ReceiveRequest ? 0 : (Long) result;
                return new Stored(command.caseId().value(), version);
            }
        };
    }

    /**
     * The whole service as a client sees it: JSON over HTTP, validation, names encrypted into the personal-data store,
     * the command and its transaction. The server gives new cases and people ids of its own; later commands on those
     * cases are translated to them.
     */
    static CommandChannel http(CaseEngineHttpClient client) {
        Map<CaseId, CaseEngineHttpClient.CaseOpened> opened = new ConcurrentHashMap<>();
        return new CommandChannel() {
            @Override
            public String name() {
                return "HTTP";
            }

            @Override
            public Stored send(WorkloadCommand sent) {
                Object command = sent.command();
                if (command instanceof ReceiveRequest request) {
                    CaseEngineHttpClient.CaseOpened answer = client.openCase(sent.family(), sent.actor());
                    opened.put(request.caseId(), answer);
                    return new Stored(answer.caseId(), answer.version());
                }
                CaseEngineHttpClient.CaseOpened known = opened.get(sent.caseId());
                UUID caseId = known == null ? sent.caseId().value() : known.caseId();
                Map<SubjectId, SubjectId> subjects = known == null ? Map.of() : known.subjects();
                long version;
                if (command instanceof AcceptRequest) {
                    version = client.acceptRequest(caseId, ((AcceptRequest) command).occurredAt(), sent.actor());
                } else if (command instanceof RecordVisitingPermit permit) {
                    version = client.recordVisitingPermit(
                            caseId,
                            permit.occurredAt(),
                            permit.accompanier().account(),
                            permit.prison(),
                            permit.validUntil(),
                            sent.actor());
                } else if (command instanceof RecordConsent consent) {
                    version = client.recordConsent(
                            caseId,
                            consent.occurredAt(),
                            subjects.getOrDefault(consent.party(), consent.party()),
                            sent.actor());
                } else if (command instanceof WithdrawConsent withdrawal) {
                    version = client.withdrawConsent(
                            caseId,
                            withdrawal.occurredAt(),
                            subjects.getOrDefault(withdrawal.party(), withdrawal.party()),
                            sent.actor());
                } else if (command instanceof MediateVisit visit) {
                    List<SubjectId> children = visit.children().stream()
                            .map(child -> subjects.getOrDefault(child, child))
                            .toList();
                    version = client.mediateVisit(
                            caseId,
                            visit.occurredAt(),
                            children,
                            visit.place(),
                            visit.accompanier().account(),
                            sent.actor());
                } else {
                    CloseIntervention closing = (CloseIntervention) command;
                    version = client.closeIntervention(caseId, closing.occurredAt(), closing.reason(), sent.actor());
                    opened.remove(sent.caseId());
                }
                return new Stored(caseId, version);
            }
        };
    }
}
