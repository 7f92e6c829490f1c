package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The multidisciplinary team reviewed the case and set the support plan's pace of visits. */
@Revision("1")
public record CaseReviewed(CaseId caseId, Instant occurredAt, Instant recordedAt, int plannedVisitsPerMonth) implements CaseEvent {
}
