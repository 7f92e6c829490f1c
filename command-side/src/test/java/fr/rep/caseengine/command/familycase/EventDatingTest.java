package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.datedAndStamped;
import static fr.rep.caseengine.command.familycase.Family.RECORDED_AT;
import static fr.rep.caseengine.command.familycase.Family.REQUEST_AT;
import static fr.rep.caseengine.command.familycase.Family.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import fr.rep.caseengine.events.familycase.ClosingReason;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Events are dated by the command (occurredAt) and stamped by the server clock (recordedAt)")
class EventDatingTest {

    private static final Instant CONSENTED = paris("2026-01-20T10:00");
    /** When every fact below happened: weeks before the clock's instant, as caseworkers record late. */
    private static final Instant HAPPENED = paris("2026-02-10T14:00");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
        assertThat(HAPPENED).isNotEqualTo(RECORDED_AT);
        assertThat(REQUEST_AT).isNotEqualTo(RECORDED_AT);
    }

    static Stream<Named<Function<Family, Object>>> commandsOnAnOpenCase() {
        return Stream.of(
                Named.of("consent recorded", f -> f.recordConsent(f.aseReferent, HAPPENED)),
                Named.of("consent withdrawn", f -> f.withdrawConsent(f.mother, HAPPENED)),
                Named.of("visit mediated", f -> f.visit(HAPPENED, f.lea)),
                Named.of("intervention closed", f -> f.close(HAPPENED, ClosingReason.REQUEST_IMPOSSIBLE)));
    }

    @Test
    void the_request_received_is_dated_by_the_request_and_stamped_by_the_clock() {
        fixture.givenNoPriorActivity()
                .when(family.receiveRequest())
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(datedAndStamped(REQUEST_AT, RECORDED_AT), andNoMore())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnAnOpenCase")
    void the_event_is_dated_by_the_command_and_stamped_by_the_clock(Function<Family, Object> command) {
        fixture.given(family.openedWithConsentsOf(CONSENTED, family.father, family.mother))
                .when(command.apply(family))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(datedAndStamped(HAPPENED, RECORDED_AT), andNoMore())));
    }
}
