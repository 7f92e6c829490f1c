package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.paris;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The lifecycle's steps beyond consents: evaluation, courts, permits, custody, scheduling, corrections. */
class LifecycleRulesTest {

    private static final Instant CONSENTED = paris("2026-01-20T10:00");
    private static final Instant LATER = paris("2026-02-10T14:00");
    private static final Instant VISIT = paris("2026-03-03T14:00");

    /** A volunteer without an account: the events know them by this subject id only. */
    private static final SubjectId JO = SubjectId.of("6d1f0a52-3b7e-4c11-9a0e-2f5b8c7d9e31");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    private List<Object> opened(Object... more) {
        List<Object> given = new ArrayList<>(family.openedWithEveryConsentOn(CONSENTED));
        given.addAll(List.of(more));
        return given;
    }

    private MediateVisit outsideVisit(Instant at, SubjectId... children) {
        return new MediateVisit(
                family.caseId,
                null,
                at,
                List.of(children),
                VisitPlace.OUTSIDE,
                null,
                Accompanier.person(JO),
                Accompaniment.VOLUNTEER,
                90,
                20,
                true);
    }

    @Nested
    @DisplayName("Evaluation")
    class Evaluation {

        @Test
        void an_evaluated_request_is_accepted() {
            fixture.given(family.requestReceived())
                    .when(new AcceptRequest(family.caseId, null, LATER))
                    .expectEvents(new RequestAccepted(family.caseId, LATER, Family.RECORDED_AT));
        }

        @Test
        void a_request_is_declined_with_its_reason() {
            fixture.given(family.requestReceived())
                    .when(new DeclineRequest(family.caseId, null, LATER, DeclineReason.OUTSIDE_REMIT, true))
                    .expectEvents(new RequestDeclined(
                            family.caseId, LATER, Family.RECORDED_AT, DeclineReason.OUTSIDE_REMIT, true));
        }

        @Test
        void a_declined_request_accepts_nothing_but_reopening() {
            fixture.given(
                            family.requestReceived(),
                            new RequestDeclined(family.caseId, LATER, LATER, DeclineReason.PARTY_REFUSED, true))
                    .when(family.recordConsent(family.father, LATER))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.DECLINED_CASE_ACCEPTS_NOTHING));
        }

        @Test
        void a_declined_request_is_reopened() {
            fixture.given(
                            family.requestReceived(),
                            new RequestDeclined(family.caseId, LATER, LATER, DeclineReason.PARTY_REFUSED, true))
                    .when(new ReopenCase(family.caseId, null, VISIT))
                    .expectEvents(new CaseReopened(family.caseId, VISIT, Family.RECORDED_AT));
        }

        @Test
        void no_visit_before_the_request_is_accepted() {
            List<Object> given = new ArrayList<>(List.of(family.requestReceived()));
            given.add(family.consentRecorded(family.father, CONSENTED));
            given.add(family.consentRecorded(family.mother, CONSENTED));
            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NOT_IN_THIS_STAGE));
        }

        @Test
        void a_closed_case_is_reopened() {
            fixture.given(opened(family.closed(LATER, ClosingReason.PARENT_RELEASED)))
                    .when(new ReopenCase(family.caseId, null, VISIT))
                    .expectEvents(new CaseReopened(family.caseId, VISIT, Family.RECORDED_AT));
        }
    }

    @Nested
    @DisplayName("Consents with an end")
    class ConsentEnds {

        @Test
        void a_visit_after_a_consent_ended_is_refused() {
            List<Object> given = new ArrayList<>(family.openedWithConsentsOf(CONSENTED, family.father));
            given.add(new ConsentRecorded(
                    family.caseId,
                    CONSENTED,
                    CONSENTED,
                    family.mother,
                    PartyRole.FREE_PARENT,
                    LocalDate.of(2026, 2, 28)));
            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT));
        }

        @Test
        void a_visit_on_the_last_day_of_a_consent_is_accepted() {
            List<Object> given = new ArrayList<>(family.openedWithConsentsOf(CONSENTED, family.father));
            given.add(new ConsentRecorded(
                    family.caseId,
                    CONSENTED,
                    CONSENTED,
                    family.mother,
                    PartyRole.FREE_PARENT,
                    LocalDate.of(2026, 3, 3)));
            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectEvents(family.visitMediated(VISIT, family.lea));
        }
    }

    @Nested
    @DisplayName("Courts")
    class Courts {

        @Test
        void no_visit_with_a_child_covered_by_a_no_contact_order() {
            fixture.given(opened(new NoContactOrdered(
                            family.caseId, LATER, LATER, Court.CHILDREN_JUDGE, List.of(family.lea))))
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_VISIT_UNDER_NO_CONTACT_ORDER));
        }

        @Test
        void a_no_contact_order_bars_only_the_children_it_names() {
            fixture.given(opened(new NoContactOrdered(
                            family.caseId, LATER, LATER, Court.CHILDREN_JUDGE, List.of(family.lea))))
                    .when(family.visit(VISIT, family.tom))
                    .expectEvents(family.visitMediated(VISIT, family.tom));
        }

        @Test
        void a_lifted_order_allows_visits_again() {
            fixture.given(opened(
                            new NoContactOrdered(
                                    family.caseId, CONSENTED, CONSENTED, Court.CHILDREN_JUDGE, List.of(family.lea)),
                            new NoContactOrderLifted(family.caseId, LATER, LATER, List.of(family.lea))))
                    .when(family.visit(VISIT, family.lea))
                    .expectEvents(family.visitMediated(VISIT, family.lea));
        }

        @Test
        void no_visit_with_a_child_whose_visiting_rights_are_reserved() {
            fixture.given(opened(new CourtDecisionRecorded(
                            family.caseId,
                            LATER,
                            LATER,
                            Court.FAMILY_JUDGE,
                            VisitingRights.RESERVED,
                            List.of(family.tom))))
                    .when(family.visit(VISIT, family.tom))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_VISIT_WITHOUT_VISITING_RIGHTS));
        }

        @Test
        void rights_granted_as_mediated_visits_allow_the_visit() {
            fixture.given(opened(new CourtDecisionRecorded(
                            family.caseId,
                            LATER,
                            LATER,
                            Court.FAMILY_JUDGE,
                            VisitingRights.MEDIATED_ONLY,
                            List.of(family.tom))))
                    .when(family.visit(VISIT, family.tom))
                    .expectEvents(family.visitMediated(VISIT, family.tom));
        }
    }

    @Nested
    @DisplayName("Visiting permits and custody")
    class PermitsAndCustody {

        @Test
        void a_prison_visit_needs_the_accompanier_to_hold_a_permit() {
            fixture.given(opened())
                    .when(new MediateVisit(
                            family.caseId,
                            null,
                            VISIT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            null,
                            Accompanier.staff("someone.without.permit"),
                            Accompaniment.PROFESSIONAL,
                            null,
                            null))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.PRISON_VISIT_NEEDS_A_VALID_PERMIT));
        }

        @Test
        void an_expired_permit_does_not_count() {
            fixture.given(opened(new VisitingPermitExpired(
                            family.caseId, LATER, LATER, Family.ACCOMPANIER, Prison.MA_AMIENS)))
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.PRISON_VISIT_NEEDS_A_VALID_PERMIT));
        }

        @Test
        void a_permit_past_its_end_date_does_not_count() {
            fixture.given(opened(new VisitingPermitIssued(
                            family.caseId,
                            LATER,
                            LATER,
                            Accompanier.staff("short.permit"),
                            Prison.MA_AMIENS,
                            LocalDate.of(2026, 3, 2))))
                    .when(new MediateVisit(
                            family.caseId,
                            null,
                            VISIT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            null,
                            Accompanier.staff("short.permit"),
                            Accompaniment.VOLUNTEER,
                            60,
                            5))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.PRISON_VISIT_NEEDS_A_VALID_PERMIT));
        }

        @Test
        void a_person_named_with_their_permit_accompanies_a_prison_visit_by_subject_id_alone() {
            fixture.given(opened(new VisitingPermitIssued(
                            family.caseId,
                            LATER,
                            LATER,
                            Accompanier.person(JO),
                            Prison.MA_AMIENS,
                            LocalDate.of(2026, 12, 31))))
                    .when(new MediateVisit(
                            family.caseId,
                            null,
                            VISIT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            null,
                            Accompanier.person(JO),
                            Accompaniment.VOLUNTEER,
                            60,
                            5))
                    .expectEvents(new VisitMediated(
                            family.caseId,
                            VISIT,
                            Family.RECORDED_AT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            null,
                            Accompanier.person(JO),
                            Accompaniment.VOLUNTEER,
                            60,
                            5));
        }

        @Test
        void a_person_who_does_not_accompany_on_this_case_cannot_be_referred_to() {
            fixture.given(opened())
                    .when(new RecordVisitingPermit(
                            family.caseId,
                            null,
                            LATER,
                            Accompanier.person(JO),
                            Prison.MA_AMIENS,
                            LocalDate.of(2026, 12, 31)))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.ACCOMPANIER_OF_THE_CASE));
        }

        @Test
        void a_person_of_the_family_cannot_be_named_again_as_an_accompanier() {
            fixture.given(opened())
                    .when(new RecordVisitingPermit(
                            family.caseId,
                            null,
                            LATER,
                            Accompanier.person(family.mother),
                            Prison.MA_AMIENS,
                            LocalDate.of(2026, 12, 31),
                            true))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.ACCOMPANIER_OF_THE_CASE));
        }

        @Test
        void an_accompanier_without_an_account_is_a_person_of_the_case_whose_data_can_be_erased() {
            fixture.given(opened(new VisitingPermitIssued(
                            family.caseId,
                            LATER,
                            LATER,
                            Accompanier.person(JO),
                            Prison.MA_AMIENS,
                            LocalDate.of(2026, 12, 31))))
                    .when(new ErasePerson(family.caseId, null, JO, ErasureReason.REQUEST_OF_THE_PERSON))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(PersonalDataErased.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void after_a_transfer_the_permit_for_the_former_prison_does_not_count() {
            fixture.given(opened(new CustodyChanged(
                            family.caseId, LATER, LATER, CustodyChange.TRANSFERRED, Prison.CD_BAPAUME)))
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.PRISON_VISIT_NEEDS_A_VALID_PERMIT));
        }

        @Test
        void no_prison_visit_while_the_parent_is_in_open_setting() {
            fixture.given(opened(
                            new CustodyChanged(family.caseId, LATER, LATER, CustodyChange.EXTERNAL_PLACEMENT, null)))
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.VISIT_PLACE_FOLLOWS_CUSTODY));
        }

        @Test
        void no_visit_outside_while_the_parent_is_in_custody() {
            fixture.given(opened())
                    .when(outsideVisit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.VISIT_PLACE_FOLLOWS_CUSTODY));
        }

        @Test
        void a_visit_outside_during_electronic_monitoring_needs_no_permit() {
            fixture.given(opened(
                            new CustodyChanged(family.caseId, LATER, LATER, CustodyChange.ELECTRONIC_MONITORING, null)))
                    .when(outsideVisit(VISIT, family.lea))
                    .expectEvents(new VisitMediated(
                            family.caseId,
                            VISIT,
                            Family.RECORDED_AT,
                            List.of(family.lea),
                            VisitPlace.OUTSIDE,
                            null,
                            Accompanier.person(JO),
                            Accompaniment.VOLUNTEER,
                            90,
                            20));
        }
    }

    @Nested
    @DisplayName("Scheduled visits")
    class Scheduling {

        private final UUID visitId = UUID.randomUUID();

        private VisitScheduled scheduled() {
            return new VisitScheduled(
                    family.caseId,
                    LATER,
                    LATER,
                    visitId,
                    VISIT,
                    List.of(family.lea),
                    VisitPlace.PRISON_VISITING_ROOM,
                    Family.ACCOMPANIER);
        }

        @Test
        void a_scheduled_visit_is_held() {
            fixture.given(opened(scheduled()))
                    .when(new MediateVisit(
                            family.caseId,
                            null,
                            VISIT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            visitId,
                            Family.ACCOMPANIER,
                            Accompaniment.PROFESSIONAL,
                            60,
                            30))
                    .expectEvents(new VisitMediated(
                            family.caseId,
                            VISIT,
                            Family.RECORDED_AT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            visitId,
                            Family.ACCOMPANIER,
                            Accompaniment.PROFESSIONAL,
                            60,
                            30));
        }

        @Test
        void a_cancelled_visit_cannot_be_held() {
            fixture.given(opened(
                            scheduled(),
                            new VisitCancelled(
                                    family.caseId, LATER, LATER, visitId, VisitCancellationReason.CHILD_ILL)))
                    .when(new MediateVisit(
                            family.caseId,
                            null,
                            VISIT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            visitId,
                            Family.ACCOMPANIER,
                            Accompaniment.PROFESSIONAL,
                            60,
                            30))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.VISIT_MUST_BE_SCHEDULED));
        }

        @Test
        void a_scheduled_visit_is_cancelled_with_its_reason() {
            fixture.given(opened(scheduled()))
                    .when(new CancelVisit(family.caseId, null, LATER, visitId, VisitCancellationReason.CHILD_ILL))
                    .expectEvents(new VisitCancelled(
                            family.caseId, LATER, Family.RECORDED_AT, visitId, VisitCancellationReason.CHILD_ILL));
        }

        @Test
        void a_visit_is_not_planned_with_a_child_under_a_no_contact_order() {
            fixture.given(opened(new NoContactOrdered(
                            family.caseId, CONSENTED, CONSENTED, Court.CHILDREN_JUDGE, List.of(family.lea))))
                    .when(new ScheduleVisit(
                            family.caseId,
                            null,
                            LATER,
                            visitId,
                            VISIT,
                            List.of(family.lea),
                            VisitPlace.PRISON_VISITING_ROOM,
                            Family.ACCOMPANIER))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_VISIT_UNDER_NO_CONTACT_ORDER));
        }
    }

    @Nested
    @DisplayName("Children and the prison nursery")
    class Children {

        private final SubjectId baby = SubjectId.random();

        @Test
        void a_baby_living_with_the_detained_mother_is_added_under_her_authority_and_taken_to_the_nursery() {
            ChildOnCase babyOnCase = new ChildOnCase(
                    baby, LocalDate.of(2025, 12, 1), null, HousingType.WITH_MOTHER_IN_PRISON, family.father);
            fixture.given(opened(new ChildAdded(family.caseId, LATER, LATER, babyOnCase)))
                    .when(new RecordNurseryAccompaniment(family.caseId, null, VISIT, baby, 18))
                    .expectEvents(new NurseryAccompanimentMade(family.caseId, VISIT, Family.RECORDED_AT, baby, 18));
        }

        @Test
        void nursery_accompaniments_are_only_for_a_child_living_with_the_mother_in_prison() {
            fixture.given(opened())
                    .when(new RecordNurseryAccompaniment(family.caseId, null, VISIT, family.lea, 18))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NURSERY_IS_FOR_BABIES_WITH_THEIR_MOTHER));
        }

        @Test
        void a_child_already_on_the_case_is_not_added_again() {
            fixture.given(opened())
                    .when(new AddChild(
                            family.caseId, null, LATER, family.children().get(0)))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CHILD_ALREADY_ON_THE_CASE));
        }
    }

    @Nested
    @DisplayName("Corrections")
    class Corrections {

        private String idOf(Class<?> type) {
            return fixture.getEventStore()
                    .readEvents(family.caseId.toString())
                    .asStream()
                    .filter(event -> type.isInstance(event.getPayload()))
                    .map(DomainEventMessage::getIdentifier)
                    .reduce((first, last) -> last)
                    .orElseThrow();
        }

        @Test
        void a_visit_recorded_by_mistake_is_corrected_without_being_edited() {
            TestExecutor<FamilyCase> given = fixture.given(opened(family.visitMediated(VISIT, family.lea)));
            String visit = idOf(VisitMediated.class);

            given.when(new CorrectEntry(family.caseId, null, VISIT, visit, CorrectionReason.RECORDED_BY_MISTAKE))
                    .expectEvents(new EntryCorrected(
                            family.caseId, VISIT, Family.RECORDED_AT, visit, CorrectionReason.RECORDED_BY_MISTAKE));
        }

        @Test
        void an_entry_is_corrected_only_once() {
            TestExecutor<FamilyCase> given = fixture.given(opened(family.visitMediated(VISIT, family.lea)));
            String visit = idOf(VisitMediated.class);

            given.andGivenCommands(new CorrectEntry(family.caseId, null, VISIT, visit, CorrectionReason.DUPLICATE))
                    .when(new CorrectEntry(family.caseId, null, VISIT, visit, CorrectionReason.DUPLICATE))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.ENTRY_CORRECTABLE_ONCE));
        }

        @Test
        void a_consent_recorded_by_mistake_no_longer_allows_visits_once_corrected() {
            TestExecutor<FamilyCase> given = fixture.given(opened());
            String fatherConsent = fixture.getEventStore()
                    .readEvents(family.caseId.toString())
                    .asStream()
                    .filter(event -> event.getPayload() instanceof ConsentRecorded consent
                            && consent.party().equals(family.father))
                    .map(DomainEventMessage::getIdentifier)
                    .findFirst()
                    .orElseThrow();

            given.andGivenCommands(
                            new CorrectEntry(family.caseId, null, LATER, fatherConsent, CorrectionReason.WRONG_CASE))
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT));
        }

        @Test
        void a_request_is_not_a_correctable_entry() {
            TestExecutor<FamilyCase> given = fixture.given(opened());
            String request = idOf(RequestReceived.class);

            given.when(new CorrectEntry(family.caseId, null, LATER, request, CorrectionReason.WRONG_DATE))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.ENTRY_CORRECTABLE_ONCE));
        }
    }
}
