package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.RECORDED_AT;
import static fr.rep.caseengine.command.familycase.Family.paris;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.CaseReopened;
import fr.rep.caseengine.events.familycase.ClosingReason;
import fr.rep.caseengine.events.familycase.DeclineReason;
import fr.rep.caseengine.events.familycase.ErasureReason;
import fr.rep.caseengine.events.familycase.PersonalDataErased;
import fr.rep.caseengine.events.familycase.RequestDeclined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Erasing a person's personal data")
class ErasureTest {

    private static final Instant CLOSED = paris("2026-03-02T11:00");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    private PersonalDataErased erased(SubjectId subject, ErasureReason reason) {
        return new PersonalDataErased(family.caseId, RECORDED_AT, RECORDED_AT, subject, reason);
    }

    private ErasePerson erase(SubjectId subject) {
        return new ErasePerson(family.caseId, null, subject, ErasureReason.REQUEST_OF_THE_PERSON);
    }

    private List<Object> closedOn(Instant at) {
        List<Object> history = new ArrayList<>(family.openedWithEveryConsentOn(paris("2026-01-20T10:00")));
        history.add(family.closed(at, ClosingReason.PARENT_RELEASED));
        return history;
    }

    @Nested
    @DisplayName("on request")
    class OnRequest {

        @Test
        void a_child_of_an_open_case_is_erased_and_the_case_version_moves_on() {
            fixture.given(family.requestReceived())
                    .when(erase(family.lea))
                    .expectEvents(erased(family.lea, ErasureReason.REQUEST_OF_THE_PERSON))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void the_detained_parent_of_a_closed_case_is_erased_whatever_the_stage() {
            fixture.given(closedOn(CLOSED))
                    .when(erase(family.father))
                    .expectEvents(erased(family.father, ErasureReason.REQUEST_OF_THE_PERSON));
        }

        @Test
        void someone_who_is_not_a_person_of_the_case_is_refused() {
            fixture.given(family.requestReceived())
                    .when(erase(SubjectId.random()))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.ERASURE_OF_A_PERSON_OF_THE_CASE));
        }

        @Test
        void a_person_already_erased_is_refused() {
            fixture.given(family.requestReceived(), erased(family.mother, ErasureReason.REQUEST_OF_THE_PERSON))
                    .when(erase(family.mother))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.PERSON_ERASED_ONCE));
        }
    }

    @Nested
    @DisplayName("when the retention period ended")
    class Retention {

        private final Instant cutoff = paris("2026-03-10T00:00");

        @Test
        void every_person_not_yet_erased_of_a_case_closed_before_the_cutoff_is_erased_the_detained_parent_first() {
            List<Object> history = closedOn(CLOSED);
            history.add(erased(family.mother, ErasureReason.REQUEST_OF_THE_PERSON));
            List<SubjectId> expected = new ArrayList<>(expectedAll());
            expected.remove(family.mother);
            fixture.given(history)
                    .when(new ErasePeopleOfCase(family.caseId, cutoff))
                    .expectEvents(expected.stream()
                            .map(subject -> erased(subject, ErasureReason.RETENTION_PERIOD_ENDED))
                            .toArray())
                    .expectResultMessagePayload(expected);
        }

        @Test
        void a_declined_request_counts_as_ended() {
            fixture.given(
                            family.requestReceived(),
                            new RequestDeclined(family.caseId, CLOSED, RECORDED_AT, DeclineReason.OUTSIDE_REMIT, true))
                    .when(new ErasePeopleOfCase(family.caseId, cutoff))
                    .expectEvents(expectedAll().stream()
                            .map(subject -> erased(subject, ErasureReason.RETENTION_PERIOD_ENDED))
                            .toArray())
                    .expectResultMessagePayload(expectedAll());
        }

        @Test
        void a_case_closed_after_the_cutoff_erases_nobody() {
            fixture.given(closedOn(paris("2026-03-11T09:00")))
                    .when(new ErasePeopleOfCase(family.caseId, cutoff))
                    .expectNoEvents()
                    .expectResultMessagePayload(List.of());
        }

        @Test
        void an_open_case_erases_nobody() {
            fixture.given(family.openedWithEveryConsentOn(paris("2026-01-20T10:00")))
                    .when(new ErasePeopleOfCase(family.caseId, cutoff))
                    .expectNoEvents()
                    .expectResultMessagePayload(List.of());
        }

        @Test
        void a_case_reopened_after_its_closing_erases_nobody() {
            List<Object> history = closedOn(CLOSED);
            history.add(new CaseReopened(family.caseId, paris("2026-03-05T10:00"), RECORDED_AT));
            fixture.given(history)
                    .when(new ErasePeopleOfCase(family.caseId, cutoff))
                    .expectNoEvents()
                    .expectResultMessagePayload(List.of());
        }

        @Test
        void a_case_erased_already_erases_nobody_again() {
            List<Object> history = closedOn(CLOSED);
            expectedAll().forEach(subject -> history.add(erased(subject, ErasureReason.RETENTION_PERIOD_ENDED)));
            fixture.given(history)
                    .when(new ErasePeopleOfCase(family.caseId, cutoff))
                    .expectNoEvents()
                    .expectResultMessagePayload(List.of());
        }

        private List<SubjectId> expectedAll() {
            List<SubjectId> adults = new ArrayList<>(List.of(family.mother, family.aseReferent));
            adults.sort(Comparator.comparing(SubjectId::value));
            List<SubjectId> all = new ArrayList<>(List.of(family.father));
            all.addAll(adults);
            all.add(family.lea);
            all.add(family.tom);
            return all;
        }
    }
}
