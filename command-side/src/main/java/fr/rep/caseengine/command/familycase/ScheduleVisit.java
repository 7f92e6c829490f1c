package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.VisitPlace;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plan a visit with some of the children. */
public record ScheduleVisit(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt, UUID visitId, Instant plannedFor, List<SubjectId> children, VisitPlace place, String accompanier) {
}
