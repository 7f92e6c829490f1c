package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Prison;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a visiting permit issued to an accompanier for the parent's prison.
 *
 * @param namedNow the accompanier is a person whose details this same request recorded (new to the case)
 */
public record RecordVisitingPermit(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        Accompanier accompanier,
        Prison prison,
        LocalDate validUntil,
        boolean namedNow) {

    /** A permit for a staff account or for a person already accompanying on the case. */
    public RecordVisitingPermit(
            CaseId caseId,
            Long expectedVersion,
            Instant occurredAt,
            Accompanier accompanier,
            Prison prison,
            LocalDate validUntil) {
        this(caseId, expectedVersion, occurredAt, accompanier, prison, validUntil, false);
    }
}
