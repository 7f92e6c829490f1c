package fr.rep.caseengine.query.asof;

import fr.rep.caseengine.events.familycase.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A case as it stood at an instant: the fold of the events that fall before it, in the order they are given. A
 * correction among them voids the facts of the entry it names (the voided entry is left out of the fold); as in the
 * live case, it does not move the stage back, since the lifecycle has no arrow back.
 */
record CaseAsOf(UUID caseId, Instant instant, By by, boolean received, int eventsApplied, Long lastSequence,
                CaseStage stage, Team team, Prison prison, Boolean parentInCustody, Instant receivedAt,
                ReferrerType referrerType, ReferralChannel channel, PenalStatus penalStatus,
                Boolean educationalOrJudicialMeasure, String assignedTo, Integer plannedVisitsPerMonth,
                List<Party> parties, List<Child> children, List<Permit> permits, Visits visits, Activity activity,
                Decision declined, Decision closed, int reopenings, List<Voided> voidedEntries) {

    /** Which time decides whether an event falls before the instant. */
    enum By {
        /** When the service stored the event: what the service knew at the instant. */
        RECORDED,
        /** When the fact happened, facts reported later included: how things really stood at the instant. */
        OCCURRED
    }

    enum ConsentState { NONE, GIVEN, EXPIRED, WITHDRAWN }

    record Party(UUID subjectId, PartyRole role, ConsentState consent, LocalDate consentValidUntil,
                 Instant consentChangedAt) {
    }

    /**
     * @param visitingRights the last court decision's rights, or {@code null} without decision
     * @param noContactOrder the court whose no-contact order is in force, or {@code null}
     */
    record Child(UUID subjectId, LocalDate birthDate, Department department, HousingType housing,
                 UUID parentalAuthority, VisitingRights visitingRights, Court noContactOrder,
                 boolean nurseryDerogation) {
    }

    /** @param inForce issued, not ended, and valid on the instant's date */
    record Permit(Accompanier accompanier, Prison prison, LocalDate validUntil, boolean ended, boolean inForce) {
    }

    /**
     * @param held      visits mediated (planned or not)
     * @param scheduled planned visits neither held nor cancelled
     * @param cancelled planned visits cancelled
     */
    record Visits(int held, int scheduled, int cancelled) {
    }

    record Activity(int interviews, int contactSteps, int homeVisits, int nurseryAccompaniments,
                    int deadlineWarnings) {
    }

    /** A decline or a closing: when it happened, and why. */
    record Decision(Instant at, String reason) {
    }

    /** @param type the voided entry's event type, or {@code null} when it falls after the instant itself */
    record Voided(String eventId, String type, String correctedBy, CorrectionReason reason) {
    }

    /** One stored event with what the fold needs of its message. */
    record Stored(String eventId, long sequence, CaseEvent event) {
    }

    /** Folds {@code events}, already filtered to the instant and ordered, into the case's state. */
    static CaseAsOf fold(UUID caseId, Instant instant, By by, List<Stored> events, ZoneId zone) {
        Fold fold = new Fold(instant.atZone(zone).toLocalDate());
        Map<String, Stored> byId = new HashMap<>();
        events.forEach(stored -> byId.put(stored.eventId(), stored));
        List<Voided> voided = new ArrayList<>();
        Set<String> voidedIds = new HashSet<>();
        for (Stored stored : events) {
            if (stored.event() instanceof EntryCorrected correction) {
                Stored target = byId.get(correction.correctedEventId());
                voided.add(new Voided(correction.correctedEventId(),
                        target == null ? null : target.event().getClass().getSimpleName(), stored.eventId(),
                        correction.reason()));
                voidedIds.add(correction.correctedEventId());
            }
        }
        for (Stored stored : events) {
            fold.stage = CaseStage.next(fold.stage, stored.event());
            if (!voidedIds.contains(stored.eventId())) {
                fold.apply(stored.event());
            }
        }
        RequestReceived request = fold.request;
        return new CaseAsOf(caseId, instant, by, request != null, events.size(),
                events.isEmpty() ? null : events.get(events.size() - 1).sequence(), fold.stage,
                request == null ? null : request.team(), fold.prison, request == null ? null : fold.inCustody,
                request == null ? null : request.occurredAt(), request == null ? null : request.referrerType(),
                request == null ? null : request.channel(), request == null ? null : request.penalStatus(),
                request == null ? null : request.educationalOrJudicialMeasure(), fold.assignedTo,
                fold.plannedVisitsPerMonth, fold.parties(), fold.children(), fold.permits(), fold.visits(),
                new Activity(fold.interviews, fold.contactSteps, fold.homeVisits, fold.nurseryAccompaniments,
                        fold.deadlineWarnings),
                fold.declined, fold.closed, fold.reopenings, List.copyOf(voided));
    }

    /** The mutable state of one fold, confined to one request. */
    private static final class Fold {

        private final LocalDate day;
        private CaseStage stage;
        private RequestReceived request;
        private Prison prison;
        private boolean inCustody = true;
        private String assignedTo;
        private Integer plannedVisitsPerMonth;
        private final Map<UUID, PartyRole> roles = new LinkedHashMap<>();
        private final Map<UUID, ConsentRecorded> consents = new HashMap<>();
        private final Map<UUID, Instant> withdrawals = new HashMap<>();
        private final Map<UUID, ChildOnCase> children = new LinkedHashMap<>();
        private final Map<UUID, VisitingRights> rights = new HashMap<>();
        private final Map<UUID, Court> noContact = new HashMap<>();
        private final Set<UUID> derogations = new HashSet<>();
        private final Map<List<Object>, Permit> permits = new LinkedHashMap<>();
        private final Map<UUID, String> plannedVisits = new HashMap<>();
        private int heldVisits;
        private int interviews;
        private int contactSteps;
        private int homeVisits;
        private int nurseryAccompaniments;
        private int deadlineWarnings;
        private Decision declined;
        private Decision closed;
        private int reopenings;

        Fold(LocalDate day) {
            this.day = day;
        }

        void apply(CaseEvent event) {
            if (event instanceof RequestReceived e) {
                request = e;
                prison = e.prison();
                roles.put(e.detainedParent().value(), PartyRole.DETAINED_PARENT);
                e.parties().forEach(party -> roles.put(party.subjectId().value(), party.role()));
                e.children().forEach(child -> children.put(child.subjectId().value(), child));
            } else if (event instanceof CaseAssigned e) {
                assignedTo = e.caseworker();
            } else if (event instanceof ChildAdded e) {
                children.put(e.child().subjectId().value(), e.child());
            } else if (event instanceof ConsentRecorded e) {
                roles.putIfAbsent(e.party().value(), e.role());
                consents.put(e.party().value(), e);
                withdrawals.remove(e.party().value());
            } else if (event instanceof ConsentWithdrawn e) {
                roles.putIfAbsent(e.party().value(), e.role());
                consents.remove(e.party().value());
                withdrawals.put(e.party().value(), e.occurredAt());
            } else if (event instanceof CaseReviewed e) {
                plannedVisitsPerMonth = e.plannedVisitsPerMonth();
            } else if (event instanceof VisitingPermitIssued e) {
                permits.put(List.of(e.accompanier(), e.prison()),
                        new Permit(e.accompanier(), e.prison(), e.validUntil(), false, !day.isAfter(e.validUntil())));
            } else if (event instanceof VisitingPermitExpired e) {
                permits.computeIfPresent(List.of(e.accompanier(), e.prison()), (key, permit) ->
                        new Permit(permit.accompanier(), permit.prison(), permit.validUntil(), true, false));
            } else if (event instanceof VisitScheduled e) {
                plannedVisits.put(e.visitId(), "SCHEDULED");
            } else if (event instanceof VisitMediated e) {
                heldVisits++;
                if (e.visitId() != null) {
                    plannedVisits.put(e.visitId(), "HELD");
                }
            } else if (event instanceof VisitCancelled e) {
                plannedVisits.put(e.visitId(), "CANCELLED");
            } else if (event instanceof CustodyChanged e) {
                inCustody = e.change().inCustody();
                if (e.prison() != null) {
                    prison = e.prison();
                }
            } else if (event instanceof CourtDecisionRecorded e) {
                e.children().forEach(child -> rights.put(child.value(), e.rights()));
            } else if (event instanceof NoContactOrdered e) {
                e.children().forEach(child -> noContact.put(child.value(), e.court()));
            } else if (event instanceof NoContactOrderLifted e) {
                e.children().forEach(child -> noContact.remove(child.value()));
            } else if (event instanceof NurseryDerogationGranted e) {
                derogations.add(e.child().value());
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
            // RequestAccepted moves the stage only; a correction's effect, voiding an entry, is taken before the fold.
        }

        List<Party> parties() {
            List<Party> parties = new ArrayList<>();
            roles.forEach((subject, role) -> {
                ConsentRecorded consent = consents.get(subject);
                ConsentState state = consent != null
                        ? consent.validUntil() != null && day.isAfter(consent.validUntil())
                        ? ConsentState.EXPIRED : ConsentState.GIVEN
                        : withdrawals.containsKey(subject) ? ConsentState.WITHDRAWN : ConsentState.NONE;
                parties.add(new Party(subject, role, state, consent == null ? null : consent.validUntil(),
                        consent != null ? consent.occurredAt() : withdrawals.get(subject)));
            });
            return List.copyOf(parties);
        }

        List<Child> children() {
            return children.values().stream().map(child -> new Child(child.subjectId().value(), child.birthDate(),
                    child.department(), child.housing(),
                    child.parentalAuthority() == null ? null : child.parentalAuthority().value(),
                    rights.get(child.subjectId().value()), noContact.get(child.subjectId().value()),
                    derogations.contains(child.subjectId().value()))).toList();
        }

        List<Permit> permits() {
            return List.copyOf(permits.values());
        }

        Visits visits() {
            return new Visits(heldVisits, count("SCHEDULED"), count("CANCELLED"));
        }

        private int count(String status) {
            return (int) plannedVisits.values().stream().filter(status::equals).count();
        }
    }
}
