package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.VisitPlace;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Plan a visit with some of the children.
 *
 * @param namedNow the accompanier is a person whose details this same request recorded (new to the case)
 */
record ScheduleVisit(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        UUID visitId,
        Instant plannedFor,
        List<SubjectId> children,
        VisitPlace place,
        Accompanier accompanier,
        boolean namedNow) {

    /** A visit accompanied by a staff account or by a person already accompanying on the case. */
    public ScheduleVisit(
            CaseId caseId,
            Long expectedVersion,
            Instant occurredAt,
            UUID visitId,
            Instant plannedFor,
            List<SubjectId> children,
            VisitPlace place,
            Accompanier accompanier) {
        this(caseId, expectedVersion, occurredAt, visitId, plannedFor, children, place, accompanier, false);
    }
}
