package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.Family.PARIS;
import static fr.rep.caseengine.command.familycase.Family.RECORDED_AT;

import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.familycase.*;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines are warned of ahead (30 days in these tests), and only while they still apply. The deadline manager's time
 * starts when the case is recorded; inactivity is set out of reach except in its own test.
 */
class DeadlinesTest {

    private static final DeadlinePolicy NO_INACTIVITY_IN_SIGHT =
            new DeadlinePolicy(Family.POLICY.notice(), java.time.Duration.ofDays(3650));

    private final Family family = Family.withTomBornOn(LocalDate.of(2008, 6, 15));
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture(NO_INACTIVITY_IN_SIGHT);
    }

    private org.axonframework.test.aggregate.TestExecutor<FamilyCase> givenCommands(Object... commands) {
        return fixture.givenCurrentTime(RECORDED_AT).andGivenCommands(commands);
    }

    private static Instant warningFor(LocalDate due) {
        return due.atStartOfDay(PARIS).toInstant().minus(Family.POLICY.notice());
    }

    @Test
    void a_child_s_18th_birthday_is_warned_of_a_month_ahead() {
        LocalDate birthday = LocalDate.of(2026, 6, 15);
        givenCommands(family.receiveRequest())
                .whenTimeAdvancesTo(warningFor(birthday).plusSeconds(1))
                .expectEvents(new DeadlineApproaching(
                        family.caseId,
                        warningFor(birthday),
                        RECORDED_AT,
                        DeadlineKind.CHILD_TURNS_18,
                        family.tom,
                        null,
                        birthday));
    }

    @Test
    void nothing_is_raised_before_the_warning_is_due() {
        givenCommands(family.receiveRequest())
                .whenTimeAdvancesTo(warningFor(LocalDate.of(2026, 6, 15)).minusSeconds(60))
                .expectNoEvents();
    }

    @Test
    void no_warning_for_a_closed_case() {
        givenCommands(family.receiveRequest(), family.close(Family.REQUEST_AT, ClosingReason.REQUEST_IMPOSSIBLE))
                .whenTimeAdvancesTo(warningFor(LocalDate.of(2026, 6, 15)).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void a_baby_must_leave_the_prison_nursery_at_18_months_and_a_derogation_moves_it_to_24() {
        Family family = Family.leaAndTom();
        SubjectId baby = SubjectId.random();
        LocalDate born = LocalDate.of(2025, 3, 1);
        ChildOnCase babyWithMother =
                new ChildOnCase(baby, born, null, HousingType.WITH_MOTHER_IN_PRISON, family.father);
        AddChild add = new AddChild(family.caseId, null, Family.REQUEST_AT, babyWithMother);

        givenCommands(family.receiveRequest(), add)
                .whenTimeAdvancesTo(warningFor(born.plusMonths(18)).plusSeconds(1))
                .expectEvents(new DeadlineApproaching(
                        family.caseId,
                        warningFor(born.plusMonths(18)),
                        RECORDED_AT,
                        DeadlineKind.NURSERY_SEPARATION,
                        baby,
                        null,
                        born.plusMonths(18)));

        fixture = Family.fixture(NO_INACTIVITY_IN_SIGHT);
        givenCommands(
                        family.receiveRequest(),
                        add,
                        new AcceptRequest(family.caseId, null, Family.REQUEST_AT),
                        new RecordNurseryDerogation(family.caseId, null, Family.REQUEST_AT, baby))
                .whenTimeAdvancesTo(warningFor(born.plusMonths(18)).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void a_permit_ending_is_warned_of_unless_it_was_expired_already() {
        Family family = Family.leaAndTom();
        LocalDate end = LocalDate.of(2026, 5, 31);
        RecordVisitingPermit permit = new RecordVisitingPermit(
                family.caseId, null, Family.REQUEST_AT, Accompanier.staff("claire"), Prison.MA_AMIENS, end);
        AcceptRequest accept = new AcceptRequest(family.caseId, null, Family.REQUEST_AT);

        givenCommands(family.receiveRequest(), accept, permit)
                .whenTimeAdvancesTo(warningFor(end).plusSeconds(1))
                .expectEvents(new DeadlineApproaching(
                        family.caseId,
                        warningFor(end),
                        RECORDED_AT,
                        DeadlineKind.PERMIT_EXPIRES,
                        null,
                        Accompanier.staff("claire"),
                        end));

        fixture = Family.fixture(NO_INACTIVITY_IN_SIGHT);
        givenCommands(
                        family.receiveRequest(),
                        accept,
                        permit,
                        new ExpireVisitingPermit(
                                family.caseId,
                                null,
                                Family.REQUEST_AT.plusSeconds(3600),
                                Accompanier.staff("claire"),
                                Prison.MA_AMIENS))
                .whenTimeAdvancesTo(warningFor(end).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void a_consent_with_an_end_date_is_warned_of_before_it_ends() {
        Family family = Family.leaAndTom();
        LocalDate end = LocalDate.of(2026, 7, 31);
        givenCommands(
                        family.receiveRequest(),
                        new RecordConsent(family.caseId, null, Family.REQUEST_AT, family.mother, end))
                .whenTimeAdvancesTo(warningFor(end).plusSeconds(1))
                .expectEvents(new DeadlineApproaching(
                        family.caseId,
                        warningFor(end),
                        RECORDED_AT,
                        DeadlineKind.CONSENT_EXPIRES,
                        null,
                        null,
                        end,
                        family.mother));
    }

    @Test
    void a_case_without_any_entry_for_the_inactivity_period_gets_a_follow_up() {
        Family family = Family.leaAndTom();
        fixture = Family.fixture();
        givenCommands(family.receiveRequest())
                .whenTimeAdvancesTo(RECORDED_AT.plus(Family.POLICY.inactivity()).plusSeconds(1))
                .expectEvents(new DeadlineApproaching(
                        family.caseId,
                        RECORDED_AT.plus(Family.POLICY.inactivity()),
                        RECORDED_AT,
                        DeadlineKind.NO_RECENT_ACTIVITY,
                        null,
                        null,
                        RECORDED_AT
                                .plus(Family.POLICY.inactivity())
                                .atZone(PARIS)
                                .toLocalDate()))
                .expectScheduledDeadlineWithName(
                        RECORDED_AT.plus(Family.POLICY.inactivity().multipliedBy(2)), FamilyCase.INACTIVITY_CHECK);
    }

    @Test
    void creating_a_case_schedules_each_child_s_birthday_and_the_inactivity_check() {
        fixture.givenCurrentTime(RECORDED_AT)
                .when(family.receiveRequest())
                .expectScheduledDeadlineWithName(NO_INACTIVITY_IN_SIGHT.inactivity(), FamilyCase.INACTIVITY_CHECK)
                .expectScheduledDeadline(
                        warningFor(LocalDate.of(2026, 6, 15)),
                        new CaseDeadline(DeadlineKind.CHILD_TURNS_18, family.tom, null, LocalDate.of(2026, 6, 15)))
                .expectScheduledDeadline(
                        warningFor(Family.LEA_BORN.plusYears(18)),
                        new CaseDeadline(DeadlineKind.CHILD_TURNS_18, family.lea, null, Family.LEA_BORN.plusYears(18)));
    }
}
