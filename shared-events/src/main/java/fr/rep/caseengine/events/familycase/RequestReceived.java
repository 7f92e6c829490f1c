package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A family's request for support was registered: the case opens.
 *
 * @param referrerType                  who asked for the intervention (origine de la saisine)
 * @param channel                       how the request arrived
 * @param team                          the team (antenne) that follows the case
 * @param prison                        where the parent is held
 * @param detainedParent                the parent under judicial control
 * @param penalStatus                   awaiting trial or sentenced
 * @param parties                       the other adults: free parents, ASE referents, guardians
 * @param children                      the minor children concerned
 * @param educationalOrJudicialMeasure  whether an educational or judicial measure (AEMO, placement, JE/JAF
 *                                      decision) surrounds the children, as the annual report counts it
 */
@Revision("1")
public record RequestReceived(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        ReferrerType referrerType,
        ReferralChannel channel,
        Team team,
        Prison prison,
        SubjectId detainedParent,
        PenalStatus penalStatus,
        List<PartyOnCase> parties,
        List<ChildOnCase> children,
        boolean educationalOrJudicialMeasure)
        implements CaseEvent {

    public RequestReceived {
        parties = List.copyOf(parties);
        children = List.copyOf(children);
    }
}
