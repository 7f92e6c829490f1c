package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.Accompanier;
import fr.rep.caseengine.events.familycase.Accompaniment;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * One family for the aggregate tests, with the commands it sends and the events they are expected to cause.
 * <p>
 * The father is detained. Léa lives with her mother, the free parent, who holds parental authority over her.
 * Tom is placed in a foster family: the ASE referent acts for him. So a visit with both children needs three
 * consents (father, mother, ASE), a visit with Léa alone two (father, mother).
 * <p>
 * Every event the helper builds is stamped with {@link #RECORDED_AT}, the instant of the tests' fixed clock, and
 * dated with the instant given to it, as the case records facts after they happened.
 */
final class Family {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The server clock's instant: everything below is recorded after it happened. */
    static final Instant RECORDED_AT = Instant.parse("2026-04-01T08:00:00Z");

    static final Clock CLOCK = Clock.fixed(RECORDED_AT, PARIS);
    static final DeadlinePolicy POLICY =
            new DeadlinePolicy(java.time.Duration.ofDays(30), java.time.Duration.ofDays(56));
    static final Instant REQUEST_AT = paris("2026-01-05T09:30");
    static final Accompanier ACCOMPANIER = Accompanier.staff("claire");
    static final LocalDate PERMIT_VALID_UNTIL = LocalDate.of(2027, 12, 31);
    static final LocalDate LEA_BORN = LocalDate.of(2016, 5, 12);
    static final LocalDate TOM_BORN = LocalDate.of(2011, 9, 20);

    final CaseId caseId = CaseId.random();
    final SubjectId father = SubjectId.random();
    final SubjectId mother = SubjectId.random();
    final SubjectId aseReferent = SubjectId.random();
    final SubjectId lea = SubjectId.random();
    final SubjectId tom = SubjectId.random();
    private final LocalDate tomBorn;

    private Family(LocalDate tomBorn) {
        this.tomBorn = tomBorn;
    }

    static Family leaAndTom() {
        return new Family(TOM_BORN);
    }

    static Family withTomBornOn(LocalDate birthDate) {
        return new Family(birthDate);
    }

    /** A fixture whose command handlers get the tests' fixed clock, in the Europe/Paris zone. */
    static AggregateTestFixture<FamilyCase> fixture() {
        return fixture(POLICY);
    }

    static AggregateTestFixture<FamilyCase> fixture(DeadlinePolicy policy) {
        return fixture(policy, (prison, at) -> java.util.Optional.empty());
    }

    /** A fixture whose cases know of these prison-wide suspensions of visits. */
    static AggregateTestFixture<FamilyCase> fixture(PrisonSuspensions suspensions) {
        return fixture(POLICY, suspensions);
    }

    private static AggregateTestFixture<FamilyCase> fixture(DeadlinePolicy policy, PrisonSuspensions suspensions) {
        AggregateTestFixture<FamilyCase> fixture = new AggregateTestFixture<>(FamilyCase.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(policy);
        fixture.registerInjectableResource(suspensions);
        return fixture;
    }

    /** An instant given as the wall-clock time in Paris, such as {@code "2026-02-10T14:00"}. */
    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    // --- the request -------------------------------------------------------------------------------------------

    List<PartyOnCase> parties() {
        return List.of(new PartyOnCase(mother, PartyRole.FREE_PARENT), new PartyOnCase(aseReferent, PartyRole.ASE));
    }

    List<ChildOnCase> children() {
        return List.of(
                new ChildOnCase(lea, LEA_BORN, Department.of("80"), HousingType.WITH_FREE_PARENT, mother),
                new ChildOnCase(tom, tomBorn, Department.of("62"), HousingType.FOSTER_FAMILY, aseReferent));
    }

    /** Another child, not on the case, under the authority of {@code holder}. */
    static ChildOnCase childUnder(SubjectId holder) {
        return new ChildOnCase(
                SubjectId.random(), LocalDate.of(2019, 2, 3), null, HousingType.WITH_FREE_PARENT, holder);
    }

    ReceiveRequest receiveRequest() {
        return receiveRequest(parties(), children());
    }

    ReceiveRequest receiveRequest(List<PartyOnCase> parties, List<ChildOnCase> children) {
        return new ReceiveRequest(
                caseId,
                REQUEST_AT,
                ReferrerType.FAMILY_JUDGE,
                ReferralChannel.LETTER,
                Team.SOMME_AISNE_OISE,
                Prison.MA_AMIENS,
                father,
                PenalStatus.SENTENCED,
                parties,
                children,
                true);
    }

    RequestReceived requestReceived() {
        return requestReceived(receiveRequest());
    }

    static RequestReceived requestReceived(ReceiveRequest request) {
        return new RequestReceived(
                request.caseId(),
                request.occurredAt(),
                RECORDED_AT,
                request.referrerType(),
                request.channel(),
                request.team(),
                request.prison(),
                request.detainedParent(),
                request.penalStatus(),
                request.parties(),
                request.children(),
                request.educationalOrJudicialMeasure());
    }

    // --- consents ----------------------------------------------------------------------------------------------

    PartyRole roleOf(SubjectId party) {
        if (party.equals(father)) {
            return PartyRole.DETAINED_PARENT;
        }
        return parties().stream()
                .filter(p -> p.subjectId().equals(party))
                .map(PartyOnCase::role)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(party + " is not a party of the test family"));
    }

    RecordConsent recordConsent(SubjectId party, Instant at) {
        return new RecordConsent(caseId, null, at, party);
    }

    ConsentRecorded consentRecorded(SubjectId party, Instant at) {
        return new ConsentRecorded(caseId, at, RECORDED_AT, party, roleOf(party));
    }

    WithdrawConsent withdrawConsent(SubjectId party, Instant at) {
        return new WithdrawConsent(caseId, null, at, party);
    }

    ConsentWithdrawn consentWithdrawn(SubjectId party, Instant at) {
        return new ConsentWithdrawn(caseId, at, RECORDED_AT, party, roleOf(party));
    }

    /**
     * The request, accepted on the same day, a visiting permit for the accompanier {@link #ACCOMPANIER} at the
     * prison until the end of 2027, then the consents of the given parties, all given at {@code at}.
     */
    List<Object> openedWithConsentsOf(Instant at, SubjectId... parties) {
        List<Object> events = new ArrayList<>();
        events.add(requestReceived());
        events.add(new RequestAccepted(caseId, REQUEST_AT, RECORDED_AT));
        events.add(new VisitingPermitIssued(
                caseId, REQUEST_AT, RECORDED_AT, ACCOMPANIER, Prison.MA_AMIENS, PERMIT_VALID_UNTIL));
        for (SubjectId party : parties) {
            events.add(consentRecorded(party, at));
        }
        return events;
    }

    /** The request, then the consents of the father, the mother and the ASE referent, all given at {@code at}. */
    List<Object> openedWithEveryConsentOn(Instant at) {
        return openedWithConsentsOf(at, father, mother, aseReferent);
    }

    // --- visits and closing ------------------------------------------------------------------------------------

    MediateVisit visit(Instant at, SubjectId... children) {
        return visit(at, List.of(children));
    }

    MediateVisit visit(Instant at, List<SubjectId> children) {
        return new MediateVisit(
                caseId,
                null,
                at,
                children,
                VisitPlace.PRISON_VISITING_ROOM,
                null,
                ACCOMPANIER,
                Accompaniment.PROFESSIONAL,
                null,
                null);
    }

    VisitMediated visitMediated(Instant at, SubjectId... children) {
        return new VisitMediated(
                caseId,
                at,
                RECORDED_AT,
                List.of(children),
                VisitPlace.PRISON_VISITING_ROOM,
                null,
                ACCOMPANIER,
                Accompaniment.PROFESSIONAL,
                null,
                null);
    }

    CloseIntervention close(Instant at, ClosingReason reason) {
        return new CloseIntervention(caseId, null, at, reason);
    }

    InterventionClosed closed(Instant at, ClosingReason reason) {
        return new InterventionClosed(caseId, at, RECORDED_AT, reason);
    }
}
