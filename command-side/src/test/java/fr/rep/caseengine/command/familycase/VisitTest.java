package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import fr.rep.caseengine.events.SubjectId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

@DisplayName("Mediated visits")
class VisitTest {

    private static final Instant CONSENTED = paris("2026-01-20T10:00");
    private static final Instant WITHDRAWN = paris("2026-01-30T10:00");
    private static final Instant CONSENTED_AGAIN = paris("2026-02-05T10:00");
    private static final Instant VISIT = paris("2026-02-10T14:00");
    private static final Instant AFTER_THE_VISIT = paris("2026-02-20T10:00");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    @Nested
    @DisplayName("need the current consent of the detained parent and of the holder of every child present")
    class Consents {

        @Test
        void a_visit_with_the_consent_of_the_detained_parent_and_of_every_child_s_holder_is_recorded() {
            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.visit(VISIT, family.lea, family.tom))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(family.visitMediated(VISIT, family.lea, family.tom))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void a_visit_is_refused_without_the_detained_parent_s_consent() {
            fixture.given(family.openedWithConsentsOf(CONSENTED, family.mother, family.aseReferent))
                    .when(family.visit(VISIT, family.lea, family.tom))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT))
                    .expectExceptionMessage(containsString(family.father.toString()));
        }

        @Test
        void a_visit_with_two_children_is_refused_when_only_one_of_their_two_holders_consented() {
            fixture.given(family.openedWithConsentsOf(CONSENTED, family.father, family.mother))
                    .when(family.visit(VISIT, family.lea, family.tom))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT))
                    .expectExceptionMessage(allOf(
                            containsString(family.aseReferent.toString()),
                            not(containsString(family.mother.toString()))));
        }

        @Test
        void a_visit_with_only_the_child_whose_holder_consented_is_accepted() {
            fixture.given(family.openedWithConsentsOf(CONSENTED, family.father, family.mother))
                    .when(family.visit(VISIT, family.lea))
                    .expectEvents(family.visitMediated(VISIT, family.lea))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void one_holder_s_consent_does_not_stand_in_for_another_child_s_holder() {
            fixture.given(family.openedWithConsentsOf(CONSENTED, family.father, family.mother))
                    .when(family.visit(VISIT, family.tom))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT));
        }
    }

    @Nested
    @DisplayName("judge consents at the date of the visit, not at the date it is recorded")
    class JudgedAtTheVisitDate {

        @Test
        void a_consent_given_after_the_visit_does_not_count_for_it() {
            fixture.given(family.openedWithConsentsOf(AFTER_THE_VISIT, family.father, family.mother))
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT));
        }

        @Test
        void a_withdrawal_dated_after_the_visit_does_not_block_the_visit_recorded_late() {
            List<Object> given = family.openedWithConsentsOf(CONSENTED, family.father, family.mother);
            given.add(family.consentWithdrawn(family.mother, AFTER_THE_VISIT));

            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectEvents(family.visitMediated(VISIT, family.lea))
                    .expectResultMessagePayload(6L);
        }
    }

    @Nested
    @DisplayName("are blocked again by a withdrawn consent, until a new consent")
    class WithdrawnConsent {

        @Test
        void a_visit_is_refused_once_the_holder_of_a_child_present_withdrew_consent() {
            List<Object> given = family.openedWithConsentsOf(CONSENTED, family.father, family.mother);
            given.add(family.consentWithdrawn(family.mother, WITHDRAWN));

            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT))
                    .expectExceptionMessage(containsString(family.mother.toString()));
        }

        @Test
        void a_visit_is_refused_once_the_detained_parent_withdrew_consent() {
            List<Object> given = family.openedWithEveryConsentOn(CONSENTED);
            given.add(family.consentWithdrawn(family.father, WITHDRAWN));

            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENTS_REQUIRED_FOR_VISIT))
                    .expectExceptionMessage(containsString(family.father.toString()));
        }

        @Test
        void a_visit_is_accepted_again_once_a_new_consent_follows_the_withdrawal() {
            List<Object> given = family.openedWithConsentsOf(CONSENTED, family.father, family.mother);
            given.add(family.consentWithdrawn(family.mother, WITHDRAWN));
            given.add(family.consentRecorded(family.mother, CONSENTED_AGAIN));

            fixture.given(given)
                    .when(family.visit(VISIT, family.lea))
                    .expectEvents(family.visitMediated(VISIT, family.lea))
                    .expectResultMessagePayload(7L);
        }
    }

    @Nested
    @DisplayName("need at least one child, and only children of the case")
    class ChildrenPresent {

        @Test
        void a_visit_with_a_child_who_is_not_on_the_case_is_refused() {
            SubjectId otherChild = SubjectId.random();

            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.visit(VISIT, family.lea, otherChild))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE))
                    .expectExceptionMessage(containsString(otherChild.toString()));
        }

        @ParameterizedTest(name = "children: {0}")
        @NullAndEmptySource
        void a_visit_with_no_child_is_refused(List<SubjectId> noChild) {
            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.visit(VISIT, noChild))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE));
        }

        @Test
        void a_visit_listing_a_child_twice_is_refused_so_that_no_child_is_counted_twice() {
            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.visit(VISIT, family.lea, family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.VISIT_NEEDS_CHILDREN_OF_THE_CASE));
        }
    }

    @Nested
    @DisplayName("never take place with a child aged 18 or more on the visit date, judged in Paris")
    class AdultChild {

        /** Tom turns 18 on 15 March 2026; Paris is then at UTC+1. */
        private final Family tomTurning18 = Family.withTomBornOn(LocalDate.of(2008, 3, 15));

        private final Instant lateOnTheEve = paris("2026-03-14T23:30");
        private final Instant earlyOnTheBirthday = paris("2026-03-15T00:30");

        @Test
        void a_visit_late_on_the_day_before_the_child_turns_18_is_accepted() {
            fixture.given(tomTurning18.openedWithEveryConsentOn(CONSENTED))
                    .when(tomTurning18.visit(lateOnTheEve, tomTurning18.tom))
                    .expectEvents(tomTurning18.visitMediated(lateOnTheEve, tomTurning18.tom))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void a_visit_early_on_the_child_s_18th_birthday_in_Paris_is_refused_though_it_is_still_the_eve_in_UTC() {
            assertThat(earlyOnTheBirthday.atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo("2026-03-14");

            fixture.given(tomTurning18.openedWithEveryConsentOn(CONSENTED))
                    .when(tomTurning18.visit(earlyOnTheBirthday, tomTurning18.tom))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_VISIT_WITH_ADULT_CHILD));
        }

        @Test
        void an_adult_child_is_refused_even_alongside_a_minor_sibling() {
            fixture.given(tomTurning18.openedWithEveryConsentOn(CONSENTED))
                    .when(tomTurning18.visit(earlyOnTheBirthday, tomTurning18.lea, tomTurning18.tom))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_VISIT_WITH_ADULT_CHILD))
                    .expectExceptionMessage(containsString(tomTurning18.tom.toString()));
        }

        @Test
        void the_minor_sibling_can_still_visit_once_the_eldest_turned_18() {
            fixture.given(tomTurning18.openedWithEveryConsentOn(CONSENTED))
                    .when(tomTurning18.visit(earlyOnTheBirthday, tomTurning18.lea))
                    .expectEvents(tomTurning18.visitMediated(earlyOnTheBirthday, tomTurning18.lea))
                    .expectResultMessagePayload(6L);
        }
    }
}
