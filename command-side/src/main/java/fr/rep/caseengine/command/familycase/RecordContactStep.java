package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ContactStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/** Record a step in rebuilding contact with some children: a photo, a mediated letter, a mediated phone call. */
public record RecordContactStep(@TargetAggregateIdentifier CaseId caseId, @TargetAggregateVersion Long expectedVersion,
                                Instant occurredAt, ContactStep step, List<SubjectId> children,
                                Accompaniment mediatedBy) {
}
