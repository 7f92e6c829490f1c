package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An interview took place (first, intermediate or closing), with whom and where.
 * Revision 2 added the kilometres the annual report sums; a revision 1 payload reads them as unknown ({@code null},
 * {@link TripKilometresUpcaster}).
 *
 * @param kilometres kilometres travelled by the service for it (0 for one held at the service or by phone), or
 *                   {@code null} when not recorded
 */
@Revision("2")
public record InterviewHeld(
        CaseId caseId,
        Instant occurredAt,
        Instant recordedAt,
        InterviewKind kind,
        List<InterviewParticipant> participants,
        InterviewPlace place,
        Integer kilometres)
        implements CaseEvent {}
