package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A team manager assigned the case to a caseworker, who may then act on it even from another team.
 *
 * @param caseworker the caseworker's account name
 */
@Revision("1")
public record CaseAssigned(CaseId caseId, Instant occurredAt, Instant recordedAt, String caseworker)
        implements CaseEvent {}
