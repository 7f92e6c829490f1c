package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.CaseId;
import java.time.Instant;

/**
 * What every event of a family case states: which case, when the fact happened (as the caseworker reports it,
 * often days later because prisons forbid devices) and when the service recorded it (server clock).
 * The actor and correlation id travel as metadata (see {@link fr.rep.caseengine.events.EventMetadata}).
 */
public sealed interface CaseEvent
        permits RequestReceived,
                RequestAccepted,
                RequestDeclined,
                CaseAssigned,
                ConsentRecorded,
                ConsentWithdrawn,
                InterviewHeld,
                CaseReviewed,
                VisitingPermitIssued,
                VisitingPermitExpired,
                VisitScheduled,
                VisitMediated,
                VisitCancelled,
                HomeVisitMade,
                NurseryAccompanimentMade,
                CustodyChanged,
                CourtDecisionRecorded,
                NoContactOrdered,
                NoContactOrderLifted,
                ContactStepTaken,
                NurseryDerogationGranted,
                DeadlineApproaching,
                ChildAdded,
                EntryCorrected,
                InterventionClosed,
                CaseReopened,
                PersonalDataErased {

    CaseId caseId();

    Instant occurredAt();

    Instant recordedAt();
}
