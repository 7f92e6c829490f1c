package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a party's explicit adhesion to the support.
 *
 * @param expectedVersion the case version the caller saw ({@code If-Match}), or {@code null} not to check
 * @param validUntil      the last day the engagement holds, or {@code null} when it has no end
 */
public record RecordConsent(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        SubjectId party,
        LocalDate validUntil) {

    public RecordConsent(CaseId caseId, Long expectedVersion, Instant occurredAt, SubjectId party) {
        this(caseId, expectedVersion, occurredAt, party, null);
    }
}
