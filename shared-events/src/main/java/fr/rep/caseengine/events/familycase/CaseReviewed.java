package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The multidisciplinary team reviewed the case (a synthesis or coordination meeting, possibly with partners) and set
 * the support plan's pace of visits. Revision 2 added the kilometres travelled to the meeting; a revision 1 payload
 * reads them as unknown ({@code null}, {@link TripKilometresUpcaster}).
 *
 * @param kilometres kilometres travelled by the service for the meeting, or {@code null} when not recorded
 */
@Revision("2")
public record CaseReviewed(
        CaseId caseId, Instant occurredAt, Instant recordedAt, int plannedVisitsPerMonth, Integer kilometres)
        implements CaseEvent {}
