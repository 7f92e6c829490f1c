package fr.rep.caseengine.command.familycase;

import static fr.rep.caseengine.command.familycase.CaseMatchers.violationOf;
import static fr.rep.caseengine.command.familycase.Family.paris;

import fr.rep.caseengine.events.familycase.CaseAssigned;
import fr.rep.caseengine.events.familycase.ClosingReason;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final Instant ASSIGNED = paris("2026-01-10T09:00");

    private final Family family = Family.leaAndTom();
    private AggregateTestFixture<FamilyCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = Family.fixture();
    }

    @Test
    void a_case_is_assigned_to_a_caseworker_and_the_version_returned() {
        fixture.given(family.requestReceived())
                .when(new AssignCase(family.caseId, null, ASSIGNED, "paul"))
                .expectEvents(new CaseAssigned(family.caseId, ASSIGNED, Family.RECORDED_AT, "paul"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_case_is_reassigned_to_another_caseworker() {
        fixture.given(family.requestReceived(), new CaseAssigned(family.caseId, ASSIGNED, ASSIGNED, "paul"))
                .when(new AssignCase(family.caseId, null, ASSIGNED.plusSeconds(60), "claire"))
                .expectEvents(new CaseAssigned(family.caseId, ASSIGNED.plusSeconds(60), Family.RECORDED_AT, "claire"));
    }

    @Test
    void assigning_the_caseworker_who_already_has_the_case_is_refused() {
        fixture.given(family.requestReceived(), new CaseAssigned(family.caseId, ASSIGNED, ASSIGNED, "paul"))
                .when(new AssignCase(family.caseId, null, ASSIGNED.plusSeconds(60), "paul"))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.ALREADY_ASSIGNED));
    }

    @Test
    void a_closed_case_is_not_assigned() {
        fixture.given(family.requestReceived(), family.closed(ASSIGNED, ClosingReason.PARENT_RELEASED))
                .when(new AssignCase(family.caseId, null, ASSIGNED.plusSeconds(60), "paul"))
                .expectNoEvents()
                .expectException(violationOf(CaseRule.CLOSED_CASE_ACCEPTS_NOTHING));
    }
}
