package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.util.Map;

/**
 * A made-up family: the request that opens its case, the fictional identity of each person on it (what a caseworker
 * would type, kept out of events) and the caseworker who follows it.
 */
public record Family(ReceiveRequest request, Map<SubjectId, PersonalDetails> people, String caseworker) {

    public CaseId caseId() {
        return request.caseId();
    }
}
