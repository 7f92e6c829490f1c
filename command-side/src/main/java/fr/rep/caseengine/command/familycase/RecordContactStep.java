package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.ContactStep;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a step in rebuilding contact with some children: a photo, a mediated letter, a mediated phone call.
 *
 * @param kilometres the trip's kilometres, when the step took one, or {@code null}
 */
record RecordContactStep(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        ContactStep step,
        List<SubjectId> children,
        Accompaniment mediatedBy,
        Integer kilometres) {

    /** A step whose trip, if any, was not recorded. */
    public RecordContactStep(
            CaseId caseId,
            Long expectedVersion,
            Instant occurredAt,
            ContactStep step,
            List<SubjectId> children,
            Accompaniment mediatedBy) {
        this(caseId, expectedVersion, occurredAt, step, children, mediatedBy, null);
    }
}
