package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record the team's case review and the pace of visits its support plan sets.
 *
 * @param kilometres the trip's kilometres to the meeting, when it took one (a meeting with partners), or {@code null}
 */
record ReviewCase(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        int plannedVisitsPerMonth,
        Integer kilometres) {

    /** A review whose trip, if any, was not recorded. */
    public ReviewCase(CaseId caseId, Long expectedVersion, Instant occurredAt, int plannedVisitsPerMonth) {
        this(caseId, expectedVersion, occurredAt, plannedVisitsPerMonth, null);
    }
}
