package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.RECORDED_AT;
import static fr.rep.caseengine.command.familycase.Family.paris;
import static org.hamcrest.Matchers.containsString;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.ConsentRecorded;
import fr.rep.caseengine.events.familycase.PartyRole;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Consents: given and withdrawn by the parties, judged at the date they happened")
class ConsentTest {

    private static final Instant FIRST = paris("2026-01-20T10:00");
    private static final Instant SECOND = paris("2026-02-03T10:00");
    private static final Instant THIRD = paris("2026-02-17T10:00");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    @Nested
    @DisplayName("Recording a consent")
    class Recording {

        @Test
        void the_detained_parent_s_consent_is_recorded_and_the_case_is_then_at_version_1() {
            fixture.given(family.requestReceived())
                    .when(family.recordConsent(family.father, FIRST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ConsentRecorded(
                            family.caseId, FIRST, RECORDED_AT, family.father, PartyRole.DETAINED_PARENT))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_holder_of_parental_authority_s_consent_is_recorded_with_their_role() {
            fixture.given(family.requestReceived(), family.consentRecorded(family.father, FIRST))
                    .when(family.recordConsent(family.aseReferent, SECOND))
                    .expectEvents(
                            new ConsentRecorded(family.caseId, SECOND, RECORDED_AT, family.aseReferent, PartyRole.ASE))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void recording_a_consent_that_is_already_current_is_refused() {
            fixture.given(family.requestReceived(), family.consentRecorded(family.mother, FIRST))
                    .when(family.recordConsent(family.mother, SECOND))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENT_ALREADY_CURRENT));
        }

        @Test
        void a_consent_can_be_recorded_again_once_it_was_withdrawn() {
            fixture.given(
                            family.requestReceived(),
                            family.consentRecorded(family.mother, FIRST),
                            family.consentWithdrawn(family.mother, SECOND))
                    .when(family.recordConsent(family.mother, THIRD))
                    .expectEvents(family.consentRecorded(family.mother, THIRD))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void consent_from_someone_who_is_not_a_party_to_the_case_is_refused() {
            SubjectId stranger = SubjectId.random();

            fixture.given(family.requestReceived())
                    .when(family.recordConsent(stranger, FIRST))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENT_FROM_A_PARTY))
                    .expectExceptionMessage(containsString(stranger.toString()));
        }

        @Test
        void a_child_of_the_case_does_not_give_consent_as_a_party() {
            fixture.given(family.requestReceived())
                    .when(family.recordConsent(family.tom, FIRST))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENT_FROM_A_PARTY));
        }
    }

    @Nested
    @DisplayName("Withdrawing a consent")
    class Withdrawing {

        @Test
        void a_current_consent_is_withdrawn_and_the_case_version_returned() {
            fixture.given(family.requestReceived(), family.consentRecorded(family.mother, FIRST))
                    .when(family.withdrawConsent(family.mother, SECOND))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(family.consentWithdrawn(family.mother, SECOND))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void withdrawing_when_no_consent_was_ever_given_is_refused() {
            fixture.given(family.requestReceived(), family.consentRecorded(family.father, FIRST))
                    .when(family.withdrawConsent(family.mother, SECOND))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_CURRENT_CONSENT_TO_WITHDRAW));
        }

        @Test
        void withdrawing_a_consent_already_withdrawn_is_refused() {
            fixture.given(
                            family.requestReceived(),
                            family.consentRecorded(family.mother, FIRST),
                            family.consentWithdrawn(family.mother, SECOND))
                    .when(family.withdrawConsent(family.mother, THIRD))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_CURRENT_CONSENT_TO_WITHDRAW));
        }

        @Test
        void withdrawing_at_a_date_before_the_consent_was_given_is_refused() {
            fixture.given(family.requestReceived(), family.consentRecorded(family.mother, SECOND))
                    .when(family.withdrawConsent(family.mother, FIRST))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.NO_CURRENT_CONSENT_TO_WITHDRAW));
        }

        @Test
        void withdrawal_by_someone_who_is_not_a_party_to_the_case_is_refused() {
            fixture.given(family.requestReceived(), family.consentRecorded(family.mother, FIRST))
                    .when(family.withdrawConsent(SubjectId.random(), SECOND))
                    .expectNoEvents()
                    .expectException(violationOf(CaseRule.CONSENT_FROM_A_PARTY));
        }
    }
}
