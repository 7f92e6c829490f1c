package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.paris;
import static org.hamcrest.Matchers.containsString;

import fr.rep.caseengine.events.familycase.ClosingReason;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Closing the intervention")
class ClosingTest {

    private static final Instant CONSENTED = paris("2026-01-20T10:00");
    private static final Instant CLOSED = paris("2026-03-02T11:00");
    private static final Instant AFTER_CLOSING = paris("2026-03-09T15:00");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    @Nested
    @DisplayName("needs one of the report's reasons")
    class Reason {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = ClosingReason.class, names = "CHILD_TURNED_18", mode = EnumSource.Mode.EXCLUDE)
        void the_intervention_is_closed_for_any_of_the_report_s_other_reasons(ClosingReason reason) {
            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.close(CLOSED, reason))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(family.closed(CLOSED, reason))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void closing_because_the_child_turned_18_is_refused_while_a_minor_child_remains() {
            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.close(CLOSED, ClosingReason.CHILD_TURNED_18))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CHILD_TURNED_18_NEEDS_NO_MINOR));
        }

        @Test
        void closing_because_the_child_turned_18_is_accepted_once_every_child_is_of_age() {
            Family grownUp = Family.withTomBornOn(java.time.LocalDate.of(2007, 1, 1));
            Instant leaOfAge = Family.paris("2034-06-01T10:00");
            fixture.given(grownUp.requestReceived())
                    .when(grownUp.close(leaOfAge, ClosingReason.CHILD_TURNED_18))
                    .expectEvents(grownUp.closed(leaOfAge, ClosingReason.CHILD_TURNED_18));
        }

        @Test
        void closing_without_a_reason_is_refused() {
            fixture.given(family.openedWithEveryConsentOn(CONSENTED))
                    .when(family.close(CLOSED, null))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CLOSING_NEEDS_REASON));
        }
    }

    @Nested
    @DisplayName("leaves a case that accepts no command")
    class ClosedCase {

        /** Commands each of which the case would accept were it still open (see {@link #the_commands_are_accepted_while_the_case_is_open}). */
        static Stream<Named<Function<Family, Object>>> commandsOtherwiseAccepted() {
            return Stream.of(
                    Named.of("recording a consent", f -> f.recordConsent(f.aseReferent, AFTER_CLOSING)),
                    Named.of("withdrawing a consent", f -> f.withdrawConsent(f.mother, AFTER_CLOSING)),
                    Named.of("mediating a visit", f -> f.visit(AFTER_CLOSING, f.lea)),
                    Named.of("closing again", f -> f.close(AFTER_CLOSING, ClosingReason.PARENT_RELEASED)));
        }

        private List<Object> openWithTheFatherAndTheMotherConsenting() {
            return family.openedWithConsentsOf(CONSENTED, family.father, family.mother);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsOtherwiseAccepted")
        void a_closed_case_refuses(Function<Family, Object> command) {
            List<Object> given = openWithTheFatherAndTheMotherConsenting();
            given.add(family.closed(CLOSED, ClosingReason.ORIENTED_TO_OTHER_SERVICE));

            fixture.given(given)
                    .when(command.apply(family))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CLOSED_CASE_ACCEPTS_NOTHING))
                    .expectExceptionMessage(containsString("this case was closed (oriented to another service)"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsOtherwiseAccepted")
        void the_commands_are_accepted_while_the_case_is_open(Function<Family, Object> command) {
            fixture.given(openWithTheFatherAndTheMotherConsenting())
                    .when(command.apply(family))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(5L);
        }

        @Test
        void a_visit_that_took_place_before_the_closing_is_refused_once_the_case_is_closed() {
            List<Object> given = openWithTheFatherAndTheMotherConsenting();
            given.add(family.closed(CLOSED, ClosingReason.PARENT_RELEASED));

            fixture.given(given)
                    .when(family.visit(paris("2026-02-10T14:00"), family.lea))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CLOSED_CASE_ACCEPTS_NOTHING));
        }
    }
}
