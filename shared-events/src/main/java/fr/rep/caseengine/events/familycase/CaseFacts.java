package fr.rep.caseengine.events.familycase;

import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The one reading of a case's facts over time: who is on the case, who consents until when, who may visit at which
 * prison, where the parent is held and whether in custody, what the courts decided, which visits were held. The
 * aggregate asks it before deciding, the as-of replay and the case view read it, so all three say the same
 * (docs/decisions/0008).
 * <p>
 * Feed it a case's events in the order they were recorded ({@link #fold}); ask it through a {@link Known}, the
 * entries that count: all of them ({@link #all()}), those recorded by an instant ({@link #recordedBy}: what the
 * service knew then) or those that had happened by it ({@link #occurredBy}). A fact that changes over time is then read
 * at an instant: the latest entry that happened by then wins, whatever order the entries were recorded in (equal
 * times: the one recorded last). A correction among the entries that count voids the entry it names.
 * <p>
 * Plain Java, not thread-safe: one case, one reader at a time.
 */
public final class CaseFacts {

    /** Adult age: no visit with a child of that age, and a case may close when every child reached it. */
    public static final int ADULT_AGE = 18;

    /** A party's consent at a date. */
    public enum ConsentState {
        NONE,
        GIVEN,
        EXPIRED,
        WITHDRAWN
    }

    /** A planned visit: still to hold or cancel, held, cancelled. */
    public enum VisitStatus {
        SCHEDULED,
        HELD,
        CANCELLED
    }

    /**
     * The latest consent entry of a party: given (until {@code validUntil}, {@code null} without end) or withdrawn.
     *
     * @param since when it was given or withdrawn
     */
    public record Consent(boolean given, Instant since, LocalDate validUntil) {

        /** Its state on a date: given consent past its end date has expired. */
        public ConsentState on(LocalDate day) {
            if (!given) {
                return ConsentState.WITHDRAWN;
            }
            return validUntil != null && day.isAfter(validUntil) ? ConsentState.EXPIRED : ConsentState.GIVEN;
        }

        /** The state of a party's consent on a date, {@link ConsentState#NONE} without any entry. */
        public static ConsentState stateOn(Consent consent, LocalDate day) {
            return consent == null ? ConsentState.NONE : consent.on(day);
        }
    }

    /**
     * A visiting permit as it stands: its latest issue's end date, and whether it was ended since.
     *
     * @param validUntil the last day of its latest issue
     * @param ended      an expiry was recorded after that issue
     */
    public record Permit(Accompanier accompanier, Prison prison, LocalDate validUntil, boolean ended) {

        /** Issued, not ended, and valid on that date. */
        public boolean inForceOn(LocalDate day) {
            return !ended && validUntil != null && !day.isAfter(validUntil);
        }
    }

    /**
     * @param held      visits recorded as held (planned or not)
     * @param scheduled planned visits neither held nor cancelled
     * @param cancelled planned visits cancelled
     * @param lastHeld  when the latest visit held took place, or {@code null}
     */
    public record Visits(int held, int scheduled, int cancelled, Instant lastHeld) {}

    private record Entry(String eventId, CaseEvent event) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Whether the fold reads this kind of event; the others change nothing it answers. */
    public static boolean reads(CaseEvent event) {
        return event instanceof RequestReceived
                || event instanceof ChildAdded
                || event instanceof ConsentRecorded
                || event instanceof ConsentWithdrawn
                || event instanceof VisitingPermitIssued
                || event instanceof VisitingPermitExpired
                || event instanceof VisitScheduled
                || event instanceof VisitMediated
                || event instanceof VisitCancelled
                || event instanceof CustodyChanged
                || event instanceof CourtDecisionRecorded
                || event instanceof NoContactOrdered
                || event instanceof NoContactOrderLifted
                || event instanceof NurseryDerogationGranted
                || event instanceof EntryCorrected;
    }

    /** Adds the next event of the case, in recording order; {@code eventId} is what a correction names. */
    public void fold(String eventId, CaseEvent event) {
        if (reads(event)) {
            entries.add(new Entry(eventId, event));
        }
    }

    /** Every entry folded: what the service knows now. */
    public Known all() {
        return new Known(entry -> true);
    }

    /** The entries recorded by {@code instant} (inclusive): what the service knew at that instant. */
    public Known recordedBy(Instant instant) {
        return new Known(entry -> !entry.event().recordedAt().isAfter(instant));
    }

    /** The entries that had happened by {@code instant} (inclusive), reported later or not. */
    public Known occurredBy(Instant instant) {
        return new Known(entry -> !entry.event().occurredAt().isAfter(instant));
    }

    /** The facts of the entries that count, a correction among them voiding the entry it names. */
    public final class Known {

        private final List<Entry> counted = new ArrayList<>();
        private final Map<String, EntryCorrected> voids = new LinkedHashMap<>();

        private Known(Predicate<Entry> counts) {
            for (Entry entry : entries) {
                if (counts.test(entry) && entry.event() instanceof EntryCorrected correction) {
                    voids.putIfAbsent(correction.correctedEventId(), correction);
                }
            }
            for (Entry entry : entries) {
                if (counts.test(entry) && !voids.containsKey(entry.eventId())) {
                    counted.add(entry);
                }
            }
        }

        /** The entries voided by a correction that counts, each with its correction, in the corrections' order. */
        public Map<String, EntryCorrected> voided() {
            return Collections.unmodifiableMap(voids);
        }

        public boolean received() {
            return request() != null;
        }

        /** The detained parent, or {@code null} before the request. */
        public SubjectId detainedParent() {
            RequestReceived request = request();
            return request == null ? null : request.detainedParent();
        }

        /** The adults of the case and their roles, the detained parent first. */
        public Map<SubjectId, PartyRole> parties() {
            Map<SubjectId, PartyRole> parties = new LinkedHashMap<>();
            for (Entry entry : counted) {
                if (entry.event() instanceof RequestReceived request) {
                    parties.put(request.detainedParent(), PartyRole.DETAINED_PARENT);
                    request.parties().forEach(party -> parties.put(party.subjectId(), party.role()));
                } else if (entry.event() instanceof ConsentRecorded consent) {
                    parties.putIfAbsent(consent.party(), consent.role());
                } else if (entry.event() instanceof ConsentWithdrawn withdrawal) {
                    parties.putIfAbsent(withdrawal.party(), withdrawal.role());
                }
            }
            return parties;
        }

        /** The children of the case, in the order they joined it. */
        public Map<SubjectId, ChildOnCase> children() {
            Map<SubjectId, ChildOnCase> children = new LinkedHashMap<>();
            for (Entry entry : counted) {
                if (entry.event() instanceof RequestReceived request) {
                    request.children().forEach(child -> children.put(child.subjectId(), child));
                } else if (entry.event() instanceof ChildAdded added) {
                    children.put(added.child().subjectId(), added.child());
                }
            }
            return children;
        }

        public boolean nurseryDerogation(SubjectId child) {
            return counted.stream()
                    .anyMatch(entry -> entry.event() instanceof NurseryDerogationGranted derogation
                            && derogation.child().equals(child));
        }

        /** The people without an account who accompanied or hold a permit on this case. */
        public Set<SubjectId> accompaniers() {
            Set<SubjectId> people = new LinkedHashSet<>();
            for (Entry entry : counted) {
                Accompanier accompanier = entry.event() instanceof VisitingPermitIssued permit
                        ? permit.accompanier()
                        : entry.event() instanceof VisitScheduled visit
                                ? visit.accompanier()
                                : entry.event() instanceof VisitMediated visit ? visit.accompanier() : null;
                if (accompanier != null && accompanier.person() != null) {
                    people.add(accompanier.person());
                }
            }
            return people;
        }

        /** The party's latest consent entry by {@code at}, or {@code null} when none. */
        public Consent consent(SubjectId party, Instant at) {
            CaseEvent latest = latest(
                    at,
                    event -> event instanceof ConsentRecorded consent
                                    && consent.party().equals(party)
                            || event instanceof ConsentWithdrawn withdrawal
                                    && withdrawal.party().equals(party));
            if (latest instanceof ConsentRecorded consent) {
                return new Consent(true, consent.occurredAt(), consent.validUntil());
            }
            return latest == null ? null : new Consent(false, latest.occurredAt(), null);
        }

        /** Whether the party consents at {@code at}, its date taken in {@code zone}. */
        public boolean consents(SubjectId party, Instant at, ZoneId zone) {
            return Consent.stateOn(consent(party, at), date(at, zone)) == ConsentState.GIVEN;
        }

        /** Whether the parent is in custody at {@code at} (they are until a change says otherwise). */
        public boolean inCustody(Instant at) {
            CaseEvent latest = latest(at, event -> event instanceof CustodyChanged);
            return latest == null || ((CustodyChanged) latest).change().inCustody();
        }

        /** Where the parent is held at {@code at}: the latest transfer's prison, else the request's. */
        public Prison prison(Instant at) {
            CaseEvent transfer = latest(at, event -> event instanceof CustodyChanged change && change.prison() != null);
            if (transfer != null) {
                return ((CustodyChanged) transfer).prison();
            }
            RequestReceived request = request();
            return request == null ? null : request.prison();
        }

        /** The rights the latest court decision naming the child gave, or {@code null} without decision. */
        public VisitingRights visitingRights(SubjectId child, Instant at) {
            CaseEvent latest = latest(
                    at,
                    event -> event instanceof CourtDecisionRecorded decision
                            && decision.children().contains(child));
            return latest == null ? null : ((CourtDecisionRecorded) latest).rights();
        }

        /** The no-contact order standing for the child at {@code at}, or {@code null}. */
        public NoContactOrdered noContactOrder(SubjectId child, Instant at) {
            CaseEvent latest = latest(
                    at,
                    event -> event instanceof NoContactOrdered order
                                    && order.children().contains(child)
                            || event instanceof NoContactOrderLifted lifting
                                    && lifting.children().contains(child));
            return latest instanceof NoContactOrdered order ? order : null;
        }

        /** Whether any permit was recorded for this accompanier and prison, whatever its dates. */
        public boolean permitRecorded(Accompanier accompanier, Prison prison) {
            return counted.stream()
                    .anyMatch(entry -> entry.event() instanceof VisitingPermitIssued permit
                            && permit.accompanier().equals(accompanier)
                            && permit.prison() == prison);
        }

        /** The accompanier's permit for the prison as it stands at {@code at}, or {@code null} when none was issued. */
        public Permit permit(Accompanier accompanier, Prison prison, Instant at) {
            CaseEvent issue = latest(
                    at,
                    event -> event instanceof VisitingPermitIssued permit
                            && permit.accompanier().equals(accompanier)
                            && permit.prison() == prison);
            if (issue == null) {
                return null;
            }
            CaseEvent latest = latest(
                    at,
                    event -> event instanceof VisitingPermitIssued permit
                                    && permit.accompanier().equals(accompanier)
                                    && permit.prison() == prison
                            || event instanceof VisitingPermitExpired expiry
                                    && expiry.accompanier().equals(accompanier)
                                    && expiry.prison() == prison);
            return new Permit(
                    accompanier,
                    prison,
                    ((VisitingPermitIssued) issue).validUntil(),
                    latest instanceof VisitingPermitExpired);
        }

        /** Every permit issued by {@code at}, as it stands then, in the order first issued. */
        public List<Permit> permits(Instant at) {
            Set<List<Object>> keys = new LinkedHashSet<>();
            for (Entry entry : counted) {
                if (entry.event() instanceof VisitingPermitIssued permit
                        && !permit.occurredAt().isAfter(at)) {
                    keys.add(List.of(permit.accompanier(), permit.prison()));
                }
            }
            return keys.stream()
                    .map(key -> permit((Accompanier) key.get(0), (Prison) key.get(1), at))
                    .toList();
        }

        /** A planned visit's status, or {@code null} when no such visit was scheduled. */
        public VisitStatus visit(UUID visitId) {
            return visitStatuses().get(visitId);
        }

        public Visits visits() {
            int held = 0;
            Instant lastHeld = null;
            for (Entry entry : counted) {
                if (entry.event() instanceof VisitMediated visit) {
                    held++;
                    lastHeld = lastHeld == null || visit.occurredAt().isAfter(lastHeld) ? visit.occurredAt() : lastHeld;
                }
            }
            Map<UUID, VisitStatus> statuses = visitStatuses();
            return new Visits(
                    held, count(statuses, VisitStatus.SCHEDULED), count(statuses, VisitStatus.CANCELLED), lastHeld);
        }

        private Map<UUID, VisitStatus> visitStatuses() {
            Map<UUID, VisitStatus> statuses = new HashMap<>();
            for (Entry entry : counted) {
                if (entry.event() instanceof VisitScheduled visit) {
                    statuses.putIfAbsent(visit.visitId(), VisitStatus.SCHEDULED);
                } else if (entry.event() instanceof VisitMediated visit && visit.visitId() != null) {
                    statuses.put(visit.visitId(), VisitStatus.HELD);
                } else if (entry.event() instanceof VisitCancelled visit) {
                    statuses.put(visit.visitId(), VisitStatus.CANCELLED);
                }
            }
            return statuses;
        }

        private static int count(Map<UUID, VisitStatus> statuses, VisitStatus status) {
            return (int) statuses.values().stream().filter(status::equals).count();
        }

        private RequestReceived request() {
            for (Entry entry : counted) {
                if (entry.event() instanceof RequestReceived request) {
                    return request;
                }
            }
            return null;
        }

        /** Of the entries matching, the one that happened last by {@code at}; equal times: the one recorded last. */
        private CaseEvent latest(Instant at, Predicate<CaseEvent> matching) {
            Entry latest = null;
            for (Entry entry : counted) {
                CaseEvent event = entry.event();
                if (matching.test(event)
                        && !event.occurredAt().isAfter(at)
                        && (latest == null
                                || !event.occurredAt().isBefore(latest.event().occurredAt()))) {
                    latest = entry;
                }
            }
            return latest == null ? null : latest.event();
        }
    }

    /** A child's age in whole years on a date. */
    public static int age(ChildOnCase child, LocalDate on) {
        return Period.between(child.birthDate(), on).getYears();
    }

    /** The date of an instant in a zone: rules judge dates (a consent's or a permit's last day) in the service's. */
    public static LocalDate date(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
