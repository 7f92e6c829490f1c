package fr.rep.caseengine.query.asof;

import fr.rep.caseengine.events.familycase.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A case as it stood at an instant: the events that fall before it, their facts read by {@link CaseFacts} at the
 * instant as the command side reads them when it decides. A correction among them voids the facts of the entry it
 * names (the voided entry is left out); as in the live case, it does not move the stage back, since the lifecycle has
 * no arrow back.
 */
record CaseAsOf(
        UUID caseId,
        Instant instant,
        By by,
        boolean received,
        int eventsApplied,
        Long lastSequence,
        CaseStage stage,
        Team team,
        Prison prison,
        Boolean parentInCustody,
        Instant receivedAt,
        ReferrerType referrerType,
        ReferralChannel channel,
        PenalStatus penalStatus,
        Boolean educationalOrJudicialMeasure,
        String assignedTo,
        Integer plannedVisitsPerMonth,
        List<Party> parties,
        List<Child> children,
        List<Permit> permits,
        Visits visits,
        Activity activity,
        Decision declined,
        Decision closed,
        int reopenings,
        List<Voided> voidedEntries) {

    /** Which time decides whether an event falls before the instant. */
    enum By {
        /** When the service stored the event: what the service knew at the instant. */
        RECORDED,
        /** When the fact happened, facts reported later included: how things really stood at the instant. */
        OCCURRED
    }

    record Party(
            UUID subjectId,
            PartyRole role,
            CaseFacts.ConsentState consent,
            LocalDate consentValidUntil,
            Instant consentChangedAt) {}

    /**
     * @param visitingRights the last court decision's rights, or {@code null} without decision
     * @param noContactOrder the court whose no-contact order is in force, or {@code null}
     */
    record Child(
            UUID subjectId,
            LocalDate birthDate,
            Department department,
            HousingType housing,
            UUID parentalAuthority,
            VisitingRights visitingRights,
            Court noContactOrder,
            boolean nurseryDerogation) {}

    /** @param inForce issued, not ended, and valid on the instant's date */
    record Permit(Accompanier accompanier, Prison prison, LocalDate validUntil, boolean ended, boolean inForce) {}

    /**
     * @param held      visits mediated (planned or not)
     * @param scheduled planned visits neither held nor cancelled
     * @param cancelled planned visits cancelled
     */
    record Visits(int held, int scheduled, int cancelled) {}

    record Activity(
            int interviews, int contactSteps, int homeVisits, int nurseryAccompaniments, int deadlineWarnings) {}

    /** A decline or a closing: when it happened, and why. */
    record Decision(Instant at, String reason) {}

    /** @param type the voided entry's event type, or {@code null} when it falls after the instant itself */
    record Voided(String eventId, String type, String correctedBy, CorrectionReason reason) {}

    /** One stored event with what the fold needs of its message. */
    record Stored(String eventId, long sequence, CaseEvent event) {}

    /**
     * Folds {@code events}, already filtered to the instant and ordered, into the case's state: the facts as
     * {@link CaseFacts} reads them at the instant (a fact recorded late but dated earlier takes its place in time, as
     * on the command side), the stage and the counts of activity in the events' order.
     */
    static CaseAsOf fold(UUID caseId, Instant instant, By by, List<Stored> events, ZoneId zone) {
        CaseFacts facts = new CaseFacts();
        events.forEach(stored -> facts.fold(stored.eventId(), stored.event()));
        CaseFacts.Known known = facts.all();
        Map<String, Stored> byId = new HashMap<>();
        Map<CaseEvent, String> ids = new IdentityHashMap<>();
        events.forEach(stored -> {
            byId.put(stored.eventId(), stored);
            ids.put(stored.event(), stored.eventId());
        });
        List<Voided> voided = new ArrayList<>();
        known.voided().forEach((eventId, correction) -> {
            Stored target = byId.get(eventId);
            voided.add(new Voided(
                    eventId,
                    target == null ? null : target.event().getClass().getSimpleName(),
                    ids.get(correction),
                    correction.reason()));
        });
        Steps activity = new Steps(events, known.voided().keySet());
        RequestReceived request = events.stream()
                .map(Stored::event)
                .filter(RequestReceived.class::isInstance)
                .map(RequestReceived.class::cast)
                .findFirst()
                .orElse(null);
        // Events compare with the instant to the microsecond, rounded half up (AsOfController): facts read within it.
        Instant at = instant.plusNanos(499);
        LocalDate day = instant.atZone(zone).toLocalDate();
        return new CaseAsOf(
                caseId,
                instant,
                by,
                request != null,
                events.size(),
                events.isEmpty() ? null : events.get(events.size() - 1).sequence(),
                activity.stage,
                request == null ? null : request.team(),
                known.prison(at),
                request == null ? null : known.inCustody(at),
                request == null ? null : request.occurredAt(),
                request == null ? null : request.referrerType(),
                request == null ? null : request.channel(),
                request == null ? null : request.penalStatus(),
                request == null ? null : request.educationalOrJudicialMeasure(),
                activity.assignedTo,
                activity.plannedVisitsPerMonth,
                parties(known, at, day),
                children(known, at),
                known.permits(at).stream()
                        .map(permit -> new Permit(
                                permit.accompanier(),
                                permit.prison(),
                                permit.validUntil(),
                                permit.ended(),
                                permit.inForceOn(day)))
                        .toList(),
                visits(known.visits()),
                activity.counts(),
                activity.declined,
                activity.closed,
                activity.reopenings,
                List.copyOf(voided));
    }

    private static List<Party> parties(CaseFacts.Known known, Instant at, LocalDate day) {
        List<Party> parties = new ArrayList<>();
        known.parties().forEach((subject, role) -> {
            CaseFacts.Consent consent = known.consent(subject, at);
            parties.add(new Party(
                    subject.value(),
                    role,
                    CaseFacts.Consent.stateOn(consent, day),
                    consent == null ? null : consent.validUntil(),
                    consent == null ? null : consent.since()));
        });
        return List.copyOf(parties);
    }

    private static List<Child> children(CaseFacts.Known known, Instant at) {
        return known.children().values().stream()
                .map(child -> {
                    NoContactOrdered order = known.noContactOrder(child.subjectId(), at);
                    return new Child(
                            child.subjectId().value(),
                            child.birthDate(),
                            child.department(),
                            child.housing(),
                            child.parentalAuthority() == null
                                    ? null
                                    : child.parentalAuthority().value(),
                            known.visitingRights(child.subjectId(), at),
                            order == null ? null : order.court(),
                            known.nurseryDerogation(child.subjectId()));
                })
                .toList();
    }

    private static Visits visits(CaseFacts.Visits visits) {
        return new Visits(visits.held(), visits.scheduled(), visits.cancelled());
    }

    /** What the facts do not hold: the stage, the assignment, the review, the counts of activity, the decisions. */
    private static final class Steps {

        private CaseStage stage;
        private String assignedTo;
        private Integer plannedVisitsPerMonth;
        private int interviews;
        private int contactSteps;
        private int homeVisits;
        private int nurseryAccompaniments;
        private int deadlineWarnings;
        private Decision declined;
        private Decision closed;
        private int reopenings;

        /** A correction does not move the stage back (the lifecycle has no arrow back); it voids the entry's count. */
        Steps(List<Stored> events, Set<String> voided) {
            for (Stored stored : events) {
                stage = CaseStage.next(stage, stored.event());
                if (!voided.contains(stored.eventId())) {
                    apply(stored.event());
                }
            }
        }

        private void apply(CaseEvent event) {
            if (event instanceof CaseAssigned e) {
                assignedTo = e.caseworker();
            } else if (event instanceof CaseReviewed e) {
                plannedVisitsPerMonth = e.plannedVisitsPerMonth();
            } else if (event instanceof InterviewHeld) {
                interviews++;
            } else if (event instanceof ContactStepTaken) {
                contactSteps++;
            } else if (event instanceof HomeVisitMade) {
                homeVisits++;
            } else if (event instanceof NurseryAccompanimentMade) {
                nurseryAccompaniments++;
            } else if (event instanceof DeadlineApproaching) {
                deadlineWarnings++;
            } else if (event instanceof RequestDeclined e) {
                declined = new Decision(e.occurredAt(), e.reason().name());
            } else if (event instanceof InterventionClosed e) {
                closed = new Decision(e.occurredAt(), e.reason().name());
            } else if (event instanceof CaseReopened) {
                reopenings++;
                declined = null;
                closed = null;
            }
        }

        Activity counts() {
            return new Activity(interviews, contactSteps, homeVisits, nurseryAccompaniments, deadlineWarnings);
        }
    }
}
