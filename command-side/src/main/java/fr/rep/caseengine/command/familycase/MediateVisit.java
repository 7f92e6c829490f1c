package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.VisitPlace;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a visit that took place between the detained parent and some of the children, mediated by the service.
 *
 * @param visitId  the scheduled visit this was, or {@code null}
 * @param namedNow the accompanier is a person whose details this same request recorded (new to the case)
 */
public record MediateVisit(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        List<SubjectId> children,
        VisitPlace place,
        UUID visitId,
        Accompanier accompanier,
        Accompaniment accompaniedBy,
        Integer durationMinutes,
        Integer kilometres,
        boolean namedNow) {

    /** A visit accompanied by a staff account or by a person already accompanying on the case. */
    public MediateVisit(
            CaseId caseId,
            Long expectedVersion,
            Instant occurredAt,
            List<SubjectId> children,
            VisitPlace place,
            UUID visitId,
            Accompanier accompanier,
            Accompaniment accompaniedBy,
            Integer durationMinutes,
            Integer kilometres) {
        this(
                caseId,
                expectedVersion,
                occurredAt,
                children,
                place,
                visitId,
                accompanier,
                accompaniedBy,
                durationMinutes,
                kilometres,
                false);
    }
}
