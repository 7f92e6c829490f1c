package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.VisitPlace;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Record a visit that took place between the detained parent and some of the children, mediated by the service.
 *
 * @param visitId the scheduled visit this was, or {@code null}
 */
public record MediateVisit(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
                           Instant occurredAt, List<SubjectId> children, VisitPlace place, UUID visitId,
                           String accompanier, Accompaniment accompaniedBy, Integer durationMinutes,
                           Integer kilometres) {
}
