package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.familycase.AcceptRequest;
import fr.rep.caseengine.command.familycase.CloseIntervention;
import fr.rep.caseengine.command.familycase.MediateVisit;
import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.familycase.RecordConsent;
import fr.rep.caseengine.command.familycase.RecordVisitingPermit;
import fr.rep.caseengine.command.familycase.WithdrawConsent;
import fr.rep.caseengine.events.CaseId;

/**
 * One command of the benchmark's workload and the caseworker who sends it. The command that opens a case comes
 * with its family, whose people an HTTP client must name.
 */
record WorkloadCommand(Object command, String actor, Family family) {

    CaseId caseId() {
        if (command instanceof ReceiveRequest request) {
            return request.caseId();
        }
        if (command instanceof RecordConsent consent) {
            return consent.caseId();
        }
        if (command instanceof WithdrawConsent withdrawal) {
            return withdrawal.caseId();
        }
        if (command instanceof MediateVisit visit) {
            return visit.caseId();
        }
        if (command instanceof AcceptRequest acceptance) {
            return acceptance.caseId();
        }
        if (command instanceof RecordVisitingPermit permit) {
            return permit.caseId();
        }
        return ((CloseIntervention) command).caseId();
    }

    String type() {
        return command.getClass().getSimpleName();
    }
}
