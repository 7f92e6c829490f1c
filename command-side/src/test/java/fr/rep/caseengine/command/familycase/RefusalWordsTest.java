package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.familycase.Accompaniment;
import fr.rep.caseengine.events.familycase.CaseStage;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.ContactStep;
import fr.rep.caseengine.events.familycase.Court;
import fr.rep.caseengine.events.familycase.CourtDecisionRecorded;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.familycase.NoContactOrdered;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.RequestAccepted;
import fr.rep.caseengine.events.familycase.RequestDeclined;
import fr.rep.caseengine.events.familycase.VisitPlace;
import fr.rep.caseengine.events.familycase.VisitScheduled;
import fr.rep.caseengine.events.familycase.VisitingRights;
import fr.rep.caseengine.events.prison.SuspensionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Refusals say the rule in a caseworker's words, each refused step by its own rule. */
class RefusalWordsTest {

    private static final Instant CONSENTED = paris("2026-01-20T10:00");
    private static final Instant LATER = paris("2026-02-10T14:00");
    private static final Instant VISIT = paris("2026-03-03T14:00");

    private final Family family = Family.leaAndTom();
    private final AggregateTestFixture<FamilyCase> fixture = Family.fixture();

    @Test
    void every_step_refused_by_every_stage_is_said_in_words_without_code_names() {
        Set<Class<?>> commands = new HashSet<>();
        Lifecycle.ALLOWED_COMMANDS.values().forEach(commands::addAll);
        assertThat(LifecycleWords.STEPS).containsOnlyKeys(commands.toArray(Class<?>[]::new));
        assertThat(LifecycleWords.STAGES).containsOnlyKeys(CaseStage.values());
        List<String> sentences = new ArrayList<>();
        for (CaseStage stage : CaseStage.values()) {
            for (Class<?> command : commands) {
                if (!Lifecycle.allows(stage, command)) {
                    sentences.add(LifecycleWords.refusal(stage, command, "why").getMessage());
                }
            }
        }
        assertThat(sentences)
                .hasSizeGreaterThan(30)
                .allSatisfy(sentence -> assertThat(sentence)
                        .doesNotContainPattern("[A-Z][a-z]+[A-Z]")
                        .doesNotContainPattern("[A-Z]{2,}")
                        .doesNotContain("stage"));
    }

    @Test
    void a_visit_at_reception_waits_for_the_request_to_be_accepted() {
        fixture.given(family.requestReceived(), family.consentRecorded(family.father, CONSENTED))
                .when(family.visit(VISIT, family.lea))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.NOT_IN_THIS_STAGE))
                .expectExceptionMessage("A visit can be recorded once the request has been accepted; "
                        + "this case is still at reception");
    }

    @Test
    void accepting_an_accepted_request_is_said_as_such() {
        fixture.given(family.requestReceived(), new RequestAccepted(family.caseId, LATER, LATER))
                .when(new AcceptRequest(family.caseId, null, LATER))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.REQUEST_DECIDED_ONCE))
                .expectExceptionMessage("A request can be accepted only while it is at reception; "
                        + "this request was accepted and the case is being set up");
    }

    @Test
    void reopening_an_open_case_is_said_as_such() {
        fixture.given(family.requestReceived())
                .when(new ReopenCase(family.caseId, null, LATER))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.ONLY_AN_ENDED_CASE_REOPENS))
                .expectExceptionMessage("A case can be reopened only once it is closed or its request declined; "
                        + "this case is still at reception");
    }

    @Test
    void a_closed_case_names_its_reason_in_words() {
        fixture.given(family.requestReceived(), family.closed(LATER, ClosingReason.PARENT_RELEASED))
                .when(family.recordConsent(family.father, LATER))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.CLOSED_CASE_ACCEPTS_NOTHING))
                .expectExceptionMessage("A consent can be recorded only while the case is open; this case was "
                        + "closed (the parent was released): reopen it first");
    }

    @Test
    void a_declined_request_names_its_reason_in_words() {
        fixture.given(
                        family.requestReceived(),
                        new RequestDeclined(family.caseId, LATER, LATER, DeclineReason.OUTSIDE_REMIT, true))
                .when(new AcceptRequest(family.caseId, null, LATER))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.DECLINED_CASE_ACCEPTS_NOTHING))
                .expectExceptionMessage("A request can be accepted only while the case is open; this request was "
                        + "declined (outside the service's remit): reopen it first");
    }

    @Test
    void a_photo_for_a_child_under_a_no_contact_order_is_refused_by_the_contact_steps_rule() {
        fixture.given(opened(new NoContactOrdered(
                        family.caseId, CONSENTED, CONSENTED, Court.CHILDREN_JUDGE, List.of(family.lea))))
                .when(contactStep(family.lea))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.NO_CONTACT_STEP_UNDER_NO_CONTACT_ORDER))
                .expectExceptionMessage(CaseRule.NO_CONTACT_STEP_UNDER_NO_CONTACT_ORDER.statement()
                        + ": the no-contact order of the children judge dated 2026-01-20 covers child " + family.lea);
    }

    @Test
    void a_letter_for_a_child_whose_visiting_rights_are_reserved_is_refused_by_the_contact_steps_rule() {
        fixture.given(opened(new CourtDecisionRecorded(
                        family.caseId,
                        CONSENTED,
                        CONSENTED,
                        Court.FAMILY_JUDGE,
                        VisitingRights.RESERVED,
                        List.of(family.tom))))
                .when(contactStep(family.tom))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.NO_CONTACT_STEP_WITHOUT_VISITING_RIGHTS));
    }

    // ---- prison-wide suspensions ----------------------------------------------------------------------------

    private static final PrisonSuspensions.Suspension AMIENS_CLOSED = new PrisonSuspensions.Suspension(
            Prison.MA_AMIENS, paris("2026-03-01T00:00"), paris("2026-03-08T00:00"), SuspensionReason.SANITARY_MEASURES);

    /** Amiens suspends its visits in the first week of March 2026. */
    private static final PrisonSuspensions AMIENS_FIRST_WEEK_OF_MARCH = (prison, at) ->
            prison == AMIENS_CLOSED.prison() && !at.isBefore(AMIENS_CLOSED.from()) && at.isBefore(AMIENS_CLOSED.until())
                    ? Optional.of(AMIENS_CLOSED)
                    : Optional.empty();

    @Test
    void a_visit_in_prison_during_a_suspension_is_refused_with_the_suspension_named() {
        Family.fixture(AMIENS_FIRST_WEEK_OF_MARCH)
                .given(family.openedWithEveryConsentOn(CONSENTED))
                .when(family.visit(VISIT, family.lea))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.NO_PRISON_VISIT_DURING_SUSPENSION))
                .expectExceptionMessage(CaseRule.NO_PRISON_VISIT_DURING_SUSPENSION.statement() + ": "
                        + Prison.MA_AMIENS.label() + " suspended all visits from 2026-03-01 to 2026-03-07 "
                        + "(sanitary measures)");
    }

    @Test
    void a_visit_in_prison_cannot_be_scheduled_during_a_suspension() {
        Family.fixture(AMIENS_FIRST_WEEK_OF_MARCH)
                .given(family.openedWithEveryConsentOn(CONSENTED))
                .when(new ScheduleVisit(
                        family.caseId,
                        null,
                        LATER,
                        UUID.randomUUID(),
                        VISIT,
                        List.of(family.lea),
                        VisitPlace.PRISON_VISITING_ROOM,
                        Family.ACCOMPANIER,
                        false))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.NO_PRISON_VISIT_DURING_SUSPENSION));
    }

    @Test
    void a_visit_in_prison_after_the_suspension_is_recorded() {
        Instant after = paris("2026-03-08T10:00");
        Family.fixture(AMIENS_FIRST_WEEK_OF_MARCH)
                .given(family.openedWithEveryConsentOn(CONSENTED))
                .when(family.visit(after, family.lea))
                .expectEvents(family.visitMediated(after, family.lea));
    }

    @Test
    void a_suspension_does_not_touch_a_visit_scheduled_outside_prison() {
        UUID visitId = UUID.randomUUID();
        Family.fixture(AMIENS_FIRST_WEEK_OF_MARCH)
                .given(family.openedWithEveryConsentOn(CONSENTED))
                .when(new ScheduleVisit(
                        family.caseId,
                        null,
                        LATER,
                        visitId,
                        VISIT,
                        List.of(family.lea),
                        VisitPlace.OUTSIDE,
                        Family.ACCOMPANIER,
                        false))
                .expectEvents(new VisitScheduled(
                        family.caseId,
                        LATER,
                        Family.RECORDED_AT,
                        visitId,
                        VISIT,
                        List.of(family.lea),
                        VisitPlace.OUTSIDE,
                        Family.ACCOMPANIER));
    }

    private List<Object> opened(Object... more) {
        List<Object> given = new ArrayList<>(family.openedWithEveryConsentOn(CONSENTED));
        given.addAll(List.of(more));
        return given;
    }

    private RecordContactStep contactStep(fr.rep.caseengine.events.SubjectId child) {
        return new RecordContactStep(
                family.caseId, null, LATER, ContactStep.PHOTO_SENT, List.of(child), Accompaniment.PROFESSIONAL);
    }
}
