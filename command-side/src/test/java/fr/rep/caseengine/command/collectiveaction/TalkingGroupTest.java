package fr.rep.caseengine.command.collectiveaction;

import static fr.rep.caseengine.command.collectiveaction.AtAmiens.FORMED_AT;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.casesOf;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.paris;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.sessionDate;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.themeOf;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Talking groups")
class TalkingGroupTest {

    private static final Instant BEFORE_THE_FIRST_SESSION = paris("2026-01-08T10:00");

    private final AtAmiens amiens = new AtAmiens();
    private AggregateTestFixture<TalkingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = AtAmiens.fixture();
    }

    @Nested
    @DisplayName("are formed with at most 8 parents, each listed once")
    class Forming {

        @Test
        void a_group_of_eight_parents_is_formed_with_the_four_themes_of_the_cycle_in_order() {
            assertThat(TalkingGroupTheme.cycle())
                    .containsExactly(
                            TalkingGroupTheme.BEING_A_FATHER_IN_DETENTION,
                            TalkingGroupTheme.PARENTAL_AND_MARITAL_COUPLE,
                            TalkingGroupTheme.CHILD_NEEDS_AND_DEVELOPMENT,
                            TalkingGroupTheme.PARENTS_RIGHTS_AND_DUTIES);

            fixture.givenNoPriorActivity()
                    .when(amiens.form(amiens.first(8)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(amiens.formed(amiens.first(8)));
        }

        @Test
        void a_group_of_nine_parents_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(amiens.form(amiens.first(9)))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.TALKING_GROUP_AT_MOST_EIGHT))
                    .expectExceptionMessage(containsString("9 parents are listed"));
        }

        @Test
        void a_group_listing_a_parent_twice_is_refused() {
            Participant twice = amiens.parents.get(0);

            fixture.givenNoPriorActivity()
                    .when(amiens.form(List.of(twice, amiens.parents.get(1), twice)))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE))
                    .expectExceptionMessage(containsString(twice.caseId().toString()));
        }

        @ParameterizedTest(name = "members: {0}")
        @NullAndEmptySource
        void a_group_without_any_parent_is_refused(List<Participant> nobody) {
            fixture.givenNoPriorActivity()
                    .when(amiens.form(nobody))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE));
        }
    }

    @Nested
    @DisplayName("take new members until their first session, up to 8")
    class Joining {

        @Test
        void a_parent_joins_the_group_before_its_first_session_and_the_version_is_returned() {
            Participant newcomer = amiens.parents.get(7);

            fixture.given(amiens.formed(amiens.first(7)))
                    .when(amiens.join(newcomer, BEFORE_THE_FIRST_SESSION))
                    .expectEvents(amiens.joined(newcomer, BEFORE_THE_FIRST_SESSION))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_ninth_member_is_refused() {
            fixture.given(amiens.formed(amiens.first(8)))
                    .when(amiens.join(amiens.parents.get(8), BEFORE_THE_FIRST_SESSION))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.TALKING_GROUP_AT_MOST_EIGHT))
                    .expectExceptionMessage(containsString("already has 8 members"));
        }

        @Test
        void a_ninth_member_is_refused_even_when_the_eighth_joined_later() {
            fixture.given(
                            amiens.formed(amiens.first(7)),
                            amiens.joined(amiens.parents.get(7), BEFORE_THE_FIRST_SESSION))
                    .when(amiens.join(amiens.parents.get(8), BEFORE_THE_FIRST_SESSION))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.TALKING_GROUP_AT_MOST_EIGHT));
        }

        @Test
        void a_member_cannot_join_the_group_again() {
            fixture.given(amiens.formed(amiens.first(3)))
                    .when(amiens.join(amiens.parents.get(1), BEFORE_THE_FIRST_SESSION))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE));
        }

        @Test
        void no_one_joins_once_the_first_session_was_held() {
            fixture.given(amiens.formedWithSessions(3, 1))
                    .when(amiens.join(amiens.parents.get(3), sessionDate(1).plusSeconds(3600)))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.TALKING_GROUP_IS_CLOSED));
        }
    }

    @Nested
    @DisplayName("are closed: only their members attend, each listed once")
    class ClosedGroup {

        @Test
        void a_session_records_the_members_present_with_their_cases() {
            List<Participant> present = List.of(amiens.parents.get(2), amiens.parents.get(0));

            fixture.given(amiens.formed(amiens.first(5)))
                    .when(amiens.session(1, present))
                    .expectEvents(amiens.sessionHeld(1, present))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_member_who_joined_before_the_first_session_attends_it() {
            Participant newcomer = amiens.parents.get(4);

            fixture.given(amiens.formed(amiens.first(4)), amiens.joined(newcomer, BEFORE_THE_FIRST_SESSION))
                    .when(amiens.session(1, List.of(newcomer)))
                    .expectEvents(amiens.sessionHeld(1, List.of(newcomer)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void a_session_attended_by_a_parent_who_is_not_a_member_is_refused() {
            Participant outsider = amiens.parents.get(9);

            fixture.given(amiens.formed(amiens.first(4)))
                    .when(amiens.session(1, List.of(amiens.parents.get(0), outsider)))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.TALKING_GROUP_IS_CLOSED))
                    .expectExceptionMessage(containsString(outsider.caseId().toString()));
        }

        @Test
        void a_session_listing_a_member_twice_is_refused_so_that_no_participation_is_counted_twice() {
            Participant twice = amiens.parents.get(1);

            fixture.given(amiens.formed(amiens.first(4)))
                    .when(amiens.session(1, List.of(twice, twice)))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE));
        }

        @ParameterizedTest(name = "present: {0}")
        @NullAndEmptySource
        void a_session_with_nobody_present_is_refused(List<CaseId> nobody) {
            fixture.given(amiens.formed(amiens.first(4)))
                    .when(amiens.session(1, themeOf(1), sessionDate(1), nobody))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE));
        }
    }

    @Nested
    @DisplayName("hold exactly 4 sessions, one after the other, on the cycle's themes in order")
    class Cycle {

        @ParameterizedTest(name = "session {0}")
        @ValueSource(ints = {1, 2, 3, 4})
        void each_session_is_held_on_its_theme_after_the_previous_ones(int number) {
            fixture.given(amiens.formedWithSessions(6, number - 1))
                    .when(amiens.session(number, amiens.first(6)))
                    .expectEvents(amiens.sessionHeld(number, amiens.first(6)))
                    .expectResultMessagePayload((long) number);
        }

        @Test
        void a_session_on_another_theme_than_the_next_one_is_refused() {
            fixture.given(amiens.formedWithSessions(4, 1))
                    .when(amiens.session(2, themeOf(3), sessionDate(2), casesOf(amiens.first(4))))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.SESSIONS_IN_ORDER))
                    .expectExceptionMessage(allOf(
                            containsString("session 2"),
                            containsString(themeOf(2).label())));
        }

        @Test
        void a_session_dated_before_the_previous_one_is_refused() {
            fixture.given(amiens.formedWithSessions(4, 2))
                    .when(amiens.session(3, themeOf(3), sessionDate(2).minusSeconds(3600), casesOf(amiens.first(4))))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.SESSIONS_IN_ORDER));
        }

        @Test
        void a_first_session_dated_before_the_group_was_formed_is_refused() {
            fixture.given(amiens.formed(amiens.first(4)))
                    .when(amiens.session(1, themeOf(1), FORMED_AT.minusSeconds(3600), casesOf(amiens.first(4))))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.SESSIONS_IN_ORDER));
        }

        @ParameterizedTest(name = "on {0}")
        @EnumSource(TalkingGroupTheme.class)
        void a_fifth_session_is_refused_whatever_its_theme(TalkingGroupTheme theme) {
            fixture.given(amiens.formedWithSessions(4, 4))
                    .when(amiens.session(5, theme, sessionDate(5), casesOf(amiens.first(4))))
                    .expectNoEvents()
                    .expectException(violationOf(CollectiveActionRule.CYCLE_OF_FOUR_SESSIONS))
                    .expectExceptionMessage(containsString("all 4 sessions were held"));
        }
    }
}
