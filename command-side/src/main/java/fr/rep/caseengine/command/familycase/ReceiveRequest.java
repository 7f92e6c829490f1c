package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a family's request for support: opens the case. */
public record ReceiveRequest(
        @TargetAggregateIdentifier CaseId caseId,
        Instant occurredAt,
        ReferrerType referrerType,
        ReferralChannel channel,
        Team team,
        Prison prison,
        SubjectId detainedParent,
        PenalStatus penalStatus,
        List<PartyOnCase> parties,
        List<ChildOnCase> children,
        boolean educationalOrJudicialMeasure) {}
