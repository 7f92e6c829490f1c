package fr.rep.caseengine.benchmark;

import fr.rep.caseengine.command.familycase.ReceiveRequest;
import fr.rep.caseengine.command.personaldata.PersonalDetails;
import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.ChildOnCase;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.ConsentWithdrawn;
import fr.rep.caseengine.events.familycase.Department;
import fr.rep.caseengine.events.familycase.HousingType;
import fr.rep.caseengine.events.familycase.InterventionClosed;
import fr.rep.caseengine.events.familycase.PartyOnCase;
import fr.rep.caseengine.events.familycase.PartyRole;
import fr.rep.caseengine.events.familycase.PenalStatus;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.ReferralChannel;
import fr.rep.caseengine.events.familycase.ReferrerType;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestReceived;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.familycase.VisitMediated;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitingPermitIssued;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes up families and the life of their case from a seeded random source: the same seed gives the same families,
 * ids, dates and events. Proportions follow the service's 2021 report (1.7 children per family, a third of families
 * with an educational or judicial measure, the two teams' prisons and départements). Every story obeys the case's
 * rules: consents of the detained parent and of each present child's holder of authority come before any visit, a
 * withdrawn consent is given again before the next visit, children are minors on visit dates, a closing ends the story.
 */
public final class FamilyGenerator {

    /** The service's zone, which decides calendar dates such as a child's age on a visit date. */
    static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/Paris");

    private static final List<Prison> SOMME_AISNE_OISE_PRISONS =
            List.of(Prison.MA_AMIENS, Prison.MA_AMIENS, Prison.CP_LAON, Prison.CP_LIANCOURT, Prison.CP_BEAUVAIS);
    private static final List<Prison> PAS_DE_CALAIS_PRISONS = List.of(Prison.MA_ARRAS, Prison.CD_BAPAUME);
    private static final List<Prison> OTHER_PRISONS =
            List.of(Prison.MAUBEUGE, Prison.POISSY, Prison.LONGUENESSE, Prison.DOUAI, Prison.ROUEN);
    private static final List<String> SOMME_AISNE_OISE_DEPARTMENTS =
            List.of("80", "80", "80", "80", "80", "80", "02", "60", "59", "76");
    private static final List<String> PAS_DE_CALAIS_DEPARTMENTS =
            List.of("62", "62", "62", "62", "62", "59", "59", "80", "02", "76");
    /** Every caseworker's visiting permit lasts beyond any generated visit. */
    static final LocalDate PERMITS_VALID_UNTIL = LocalDate.of(2040, 12, 31);

    static final int VISIT_MINUTES = 60;
    static final int VISIT_KILOMETRES = 30;
    static final List<String> SOMME_AISNE_OISE_CASEWORKERS =
            List.of("claire.caseworker", "amina.haddad", "julien.lefort", "sophie.marchand");
    static final List<String> PAS_DE_CALAIS_CASEWORKERS =
            List.of("nadia.benali", "thomas.vasseur", "lucie.dumont", "karim.ouali");
    private static final List<String> ADULT_FIRST_NAMES = List.of(
            "Karim",
            "Julie",
            "Mickaël",
            "Sophie",
            "Yann",
            "Claire",
            "Thomas",
            "Amandine",
            "Sébastien",
            "Nadia",
            "Kevin",
            "Aurélie",
            "Jérôme",
            "Samira",
            "Dylan",
            "Émilie",
            "Mohamed",
            "Céline",
            "Anthony",
            "Laetitia");
    private static final List<String> CHILD_FIRST_NAMES = List.of(
            "Léa", "Noah", "Enzo", "Inès", "Jade", "Lucas", "Emma", "Louna", "Nathan", "Manon", "Gabriel", "Chloé",
            "Adam", "Lina", "Théo", "Zoé", "Rayan", "Maëlys");
    private static final List<String> LAST_NAMES = List.of(
            "Benali",
            "Durand",
            "Lefebvre",
            "Petit",
            "Dubois",
            "Roux",
            "Martin",
            "Leroy",
            "Moreau",
            "Lefèvre",
            "Fournier",
            "Girard",
            "Bonnet",
            "Dupont",
            "Lambert",
            "Fontaine",
            "Rousseau",
            "Vincent",
            "Muller",
            "Mercier",
            "Boyer",
            "Blanc",
            "Guerin",
            "Haddad",
            "Caron",
            "Carpentier");

    private final SplittableRandom random;

    public FamilyGenerator(SplittableRandom random) {
        this.random = random;
    }

    /**
     * A family whose request is dated {@code requestedAt}, with children at most {@code maxChildAge} years old then,
     * so that a story of known length keeps them minors.
     */
    public Family family(Instant requestedAt, int maxChildAge) {
        Map<SubjectId, PersonalDetails> people = new LinkedHashMap<>();
        Team team = random.nextBoolean() ? Team.SOMME_AISNE_OISE : Team.PAS_DE_CALAIS;
        Prison prison = chance(0.05)
                ? pick(OTHER_PRISONS)
                : pick(team == Team.SOMME_AISNE_OISE ? SOMME_AISNE_OISE_PRISONS : PAS_DE_CALAIS_PRISONS);
        String familyName = pick(LAST_NAMES);
        SubjectId detainedParent = adult(people, familyName);
        LocalDate requestDate = requestedAt.atZone(SERVICE_ZONE).toLocalDate();
        String department = chance(0.07)
                ? null
                : pick(team == Team.SOMME_AISNE_OISE ? SOMME_AISNE_OISE_DEPARTMENTS : PAS_DE_CALAIS_DEPARTMENTS);

        List<PartyOnCase> parties = new ArrayList<>();
        List<ChildOnCase> children = new ArrayList<>();
        int childCount = weighted(new int[] {50, 30, 12, 6, 2}) + 1;
        double arrangement = random.nextDouble();
        boolean placed;
        if (arrangement < 0.02) {
            // A baby living with the detained mother in the prison nursery; the father holds authority.
            SubjectId father = party(parties, people, PartyRole.FREE_PARENT, familyName);
            children.add(child(
                    people,
                    familyName,
                    requestDate.minusDays(random.nextInt(30, 500)),
                    department,
                    HousingType.WITH_MOTHER_IN_PRISON,
                    father));
            placed = false;
        } else if (arrangement < 0.74) {
            SubjectId freeParent = party(parties, people, PartyRole.FREE_PARENT, familyName);
            addChildren(
                    children,
                    people,
                    familyName,
                    childCount,
                    requestDate,
                    maxChildAge,
                    department,
                    HousingType.WITH_FREE_PARENT,
                    freeParent);
            placed = false;
        } else if (arrangement < 0.89) {
            SubjectId referent = party(parties, people, PartyRole.ASE, pick(LAST_NAMES));
            addChildren(
                    children,
                    people,
                    familyName,
                    childCount,
                    requestDate,
                    maxChildAge,
                    department,
                    chance(0.6)
                            ? HousingType.FOSTER_FAMILY
                            : chance(0.5) ? HousingType.TRUSTED_RELATIVE : HousingType.INSTITUTION,
                    referent);
            placed = true;
        } else if (arrangement < 0.97) {
            SubjectId freeParent = party(parties, people, PartyRole.FREE_PARENT, familyName);
            SubjectId referent = party(parties, people, PartyRole.ASE, pick(LAST_NAMES));
            addChildren(
                    children,
                    people,
                    familyName,
                    1,
                    requestDate,
                    maxChildAge,
                    department,
                    HousingType.WITH_FREE_PARENT,
                    freeParent);
            addChildren(
                    children,
                    people,
                    familyName,
                    Math.max(1, childCount - 1),
                    requestDate,
                    maxChildAge,
                    department,
                    HousingType.FOSTER_FAMILY,
                    referent);
            placed = true;
        } else {
            SubjectId guardian = party(parties, people, PartyRole.LEGAL_GUARDIAN, pick(LAST_NAMES));
            addChildren(
                    children,
                    people,
                    familyName,
                    childCount,
                    requestDate,
                    maxChildAge,
                    department,
                    HousingType.TRUSTED_RELATIVE,
                    guardian);
            placed = false;
        }
        ReceiveRequest request = new ReceiveRequest(
                new CaseId(uuid()),
                requestedAt,
                weightedPick(ReferrerType.values(), new int[] {30, 25, 15, 10, 5, 15}),
                weightedPick(ReferralChannel.values(), new int[] {40, 40, 20}),
                team,
                prison,
                detainedParent,
                chance(0.7) ? PenalStatus.SENTENCED : PenalStatus.AWAITING_TRIAL,
                parties,
                children,
                placed || chance(0.2));
        String caseworker =
                pick(team == Team.SOMME_AISNE_OISE ? SOMME_AISNE_OISE_CASEWORKERS : PAS_DE_CALAIS_CASEWORKERS);
        return new Family(request, people, caseworker);
    }

    /**
     * The first {@code length} events of the family's case, the request first, about {@code meanGap} apart. Consents
     * of every party whose adhesion a visit needs come first; then visits, now and then a consent withdrawn and given
     * again, and in about a third of the longer stories a closing. A two-event story is half the time a request that
     * turned out impossible.
     */
    public List<CaseEvent> story(Family family, int length, Duration meanGap) {
        ReceiveRequest request = family.request();
        CaseId caseId = request.caseId();
        Timeline time = new Timeline(request.occurredAt(), meanGap);
        List<CaseEvent> events = new ArrayList<>(length);
        events.add(new RequestReceived(
                caseId,
                request.occurredAt(),
                time.recordedAt(request.occurredAt()),
                request.referrerType(),
                request.channel(),
                request.team(),
                request.prison(),
                request.detainedParent(),
                request.penalStatus(),
                request.parties(),
                request.children(),
                request.educationalOrJudicialMeasure()));
        if (length == 2 && random.nextBoolean()) {
            Instant at = time.next();
            events.add(new InterventionClosed(caseId, at, time.recordedAt(at), ClosingReason.REQUEST_IMPOSSIBLE));
            return events;
        }
        for (int step = 0; step < 2 && events.size() < length; step++) {
            Instant at = time.next();
            events.add(
                    step == 0
                            ? new RequestAccepted(caseId, at, time.recordedAt(at))
                            : new VisitingPermitIssued(
                                    caseId,
                                    at,
                                    time.recordedAt(at),
                                    Accompanier.staff(family.caseworker()),
                                    request.prison(),
                                    PERMITS_VALID_UNTIL));
        }
        List<SubjectId> consenting = new ArrayList<>(partiesWhoseConsentVisitsNeed(request));
        shuffle(consenting);
        for (SubjectId party : consenting) {
            if (events.size() == length) {
                return events;
            }
            Instant at = time.next();
            events.add(new ConsentRecorded(caseId, at, time.recordedAt(at), party, roleOf(request, party)));
        }
        int remaining = length - events.size();
        boolean closes = remaining >= 2 && chance(0.35);
        for (int left = remaining - (closes ? 1 : 0); left > 0; ) {
            if (left >= 2 && chance(0.04)) {
                SubjectId party = pick(consenting);
                Instant withdrawn = time.next();
                events.add(new ConsentWithdrawn(
                        caseId, withdrawn, time.recordedAt(withdrawn), party, roleOf(request, party)));
                Instant givenAgain = time.next();
                events.add(new ConsentRecorded(
                        caseId, givenAgain, time.recordedAt(givenAgain), party, roleOf(request, party)));
                left -= 2;
            } else {
                Instant at = time.next();
                events.add(new VisitMediated(
                        caseId,
                        at,
                        time.recordedAt(at),
                        childrenPresent(request, at),
                        VisitPlace.PRISON_VISITING_ROOM,
                        null,
                        Accompanier.staff(family.caseworker()),
                        Accompaniment.PROFESSIONAL,
                        VISIT_MINUTES,
                        VISIT_KILOMETRES));
                left--;
            }
        }
        if (closes) {
            Instant at = time.next();
            ClosingReason reason = weightedPick(
                    new ClosingReason[] {
                        ClosingReason.PARENT_RELEASED,
                        ClosingReason.CHILD_TURNED_18,
                        ClosingReason.ORIENTED_TO_NEUTRAL_MEETING_PLACE,
                        ClosingReason.ORIENTED_TO_OTHER_SERVICE
                    },
                    new int[] {50, 10, 20, 20});
            if (reason == ClosingReason.CHILD_TURNED_18
                    && !minorsOn(request, at).isEmpty()) {
                reason = ClosingReason.PARENT_RELEASED;
            }
            events.add(new InterventionClosed(caseId, at, time.recordedAt(at), reason));
        }
        return events;
    }

    /** The detained parent and every holder of authority over a child: a visit with all children needs them all. */
    static Set<SubjectId> partiesWhoseConsentVisitsNeed(ReceiveRequest request) {
        Set<SubjectId> parties = new LinkedHashSet<>();
        parties.add(request.detainedParent());
        request.children().forEach(child -> parties.add(child.parentalAuthority()));
        return parties;
    }

    static PartyRole roleOf(ReceiveRequest request, SubjectId party) {
        if (party.equals(request.detainedParent())) {
            return PartyRole.DETAINED_PARENT;
        }
        return request.parties().stream()
                .filter(p -> p.subjectId().equals(party))
                .findFirst()
                .map(PartyOnCase::role)
                .orElseThrow(() -> new IllegalArgumentException(party + " is not a party"));
    }

    /** Children under 18 on that date, in the request's order. */
    static List<SubjectId> minorsOn(ReceiveRequest request, Instant at) {
        LocalDate date = at.atZone(SERVICE_ZONE).toLocalDate();
        return request.children().stream()
                .filter(child -> Period.between(child.birthDate(), date).getYears() < 18)
                .map(ChildOnCase::subjectId)
                .toList();
    }

    /** Usually every child comes; sometimes only some of them. */
    List<SubjectId> childrenPresent(ReceiveRequest request, Instant at) {
        List<SubjectId> minors = minorsOn(request, at);
        if (minors.isEmpty()) {
            throw new IllegalStateException(
                    "the generator dated a visit of case " + request.caseId() + " when every child is 18 or more");
        }
        if (minors.size() == 1 || chance(0.7)) {
            return minors;
        }
        List<SubjectId> some = new ArrayList<>();
        for (SubjectId child : minors) {
            if (random.nextBoolean()) {
                some.add(child);
            }
        }
        return some.isEmpty() ? List.of(minors.get(0)) : some;
    }

    UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int fromInclusive, int toExclusive) {
        return random.nextInt(fromInclusive, toExclusive);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An index drawn with the given weights. */
    int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private <T> T weightedPick(T[] values, int[] weights) {
        return values[weighted(weights)];
    }

    private <T> void shuffle(List<T> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swapped);
        }
    }

    private SubjectId adult(Map<SubjectId, PersonalDetails> people, String lastName) {
        SubjectId subject = new SubjectId(uuid());
        String phone = chance(0.6)
                ? "06 %02d %02d %02d %02d".formatted(between(0, 100), between(0, 100), between(0, 100), between(0, 100))
                : null;
        people.put(subject, new PersonalDetails(pick(ADULT_FIRST_NAMES), lastName, null, phone, null));
        return subject;
    }

    private SubjectId party(
            List<PartyOnCase> parties, Map<SubjectId, PersonalDetails> people, PartyRole role, String lastName) {
        SubjectId subject = adult(people, lastName);
        parties.add(new PartyOnCase(subject, role));
        return subject;
    }

    private void addChildren(
            List<ChildOnCase> children,
            Map<SubjectId, PersonalDetails> people,
            String lastName,
            int count,
            LocalDate requestDate,
            int maxAge,
            String department,
            HousingType housing,
            SubjectId authority) {
        for (int i = 0; i < count; i++) {
            LocalDate birthDate = requestDate.minusDays(between(60, maxAge * 365));
            children.add(child(people, lastName, birthDate, department, housing, authority));
        }
    }

    private ChildOnCase child(
            Map<SubjectId, PersonalDetails> people,
            String lastName,
            LocalDate birthDate,
            String department,
            HousingType housing,
            SubjectId authority) {
        SubjectId subject = new SubjectId(uuid());
        people.put(subject, new PersonalDetails(pick(CHILD_FIRST_NAMES), lastName, null, null, null));
        return new ChildOnCase(
                subject, birthDate, department == null ? null : new Department(department), housing, authority);
    }

    /**
     * When facts happen and when they are recorded: caseworkers enter what happened in prison hours or days later,
     * and the server records a case's events in order.
     */
    private final class Timeline {

        private final Duration meanGap;
        private Instant occurred;
        private Instant recorded = Instant.MIN;

        Timeline(Instant start, Duration meanGap) {
            this.occurred = start;
            this.meanGap = meanGap;
        }

        Instant next() {
            long gapMinutes = Math.max(60, (long) (meanGap.toMinutes() * (0.5 + random.nextDouble())));
            occurred = occurred.plus(gapMinutes, ChronoUnit.MINUTES);
            return occurred;
        }

        Instant recordedAt(Instant occurredAt) {
            Instant candidate =
                    occurredAt.plusSeconds(between(20 * 60, 3 * 24 * 3600)).plusMillis(between(0, 1000));
            recorded = candidate.isAfter(recorded) ? candidate : recorded.plusSeconds(1);
            return recorded;
        }
    }
}
