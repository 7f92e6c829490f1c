package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.VisitPlace;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/** Record a visit between the detained parent and some of the children, mediated by the service. */
public record MediateVisit(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
                           Instant occurredAt, List<SubjectId> children, VisitPlace place) {
}
