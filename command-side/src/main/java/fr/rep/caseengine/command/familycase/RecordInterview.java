package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.familycase.InterviewKind;
import fr.rep.caseengine.events.familycase.InterviewParticipant;
import fr.rep.caseengine.events.familycase.InterviewPlace;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record an interview: first, intermediate or closing; with whom; where.
 *
 * @param kilometres the trip's kilometres, when the interview took one (in detention, at home), or {@code null}
 */
public record RecordInterview(
        @TargetAggregateIdentifier CaseId caseId,
        @TargetAggregateVersion Long expectedVersion,
        Instant occurredAt,
        InterviewKind kind,
        List<InterviewParticipant> participants,
        InterviewPlace place,
        Integer kilometres) {

    /** An interview whose trip, if any, was not recorded. */
    public RecordInterview(
            CaseId caseId,
            Long expectedVersion,
            Instant occurredAt,
            InterviewKind kind,
            List<InterviewParticipant> participants,
            InterviewPlace place) {
        this(caseId, expectedVersion, occurredAt, kind, participants, place, null);
    }
}
