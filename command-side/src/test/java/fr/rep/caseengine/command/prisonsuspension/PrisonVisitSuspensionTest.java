package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.rule.RuleViolation;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.prison.PrisonVisitSuspensionLifted;
import fr.rep.caseengine.events.prison.PrisonVisitsSuspended;
import fr.rep.caseengine.events.prison.SuspensionReason;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrisonVisitSuspensionTest {

    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant FROM = Instant.parse("2026-04-02T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-04-16T00:00:00Z");

    private static final Caller ARRAS_MANAGER = new Caller("sophie", Set.of(Role.TEAM_MANAGER), Team.PAS_DE_CALAIS);
    private static final Caller AMIENS_MANAGER = new Caller("paul", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
    private static final Caller SERVICE_MANAGER = new Caller("anne", Set.of(Role.SERVICE_MANAGER), null);

    private final UUID id = UUID.randomUUID();
    private AggregateTestFixture<PrisonVisitSuspension> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PrisonVisitSuspension.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Paris")));
    }

    @Test
    void a_prison_suspends_its_visits_for_a_period() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPrisonVisits(
                        id, NOW, Prison.MA_ARRAS, FROM, UNTIL, SuspensionReason.SANITARY_MEASURES, ARRAS_MANAGER))
                .expectEvents(new PrisonVisitsSuspended(
                        id, NOW, NOW, Prison.MA_ARRAS, FROM, UNTIL, SuspensionReason.SANITARY_MEASURES));
    }

    @Test
    void a_suspension_ending_before_it_begins_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPrisonVisits(
                        id, NOW, Prison.MA_ARRAS, UNTIL, FROM, SuspensionReason.SANITARY_MEASURES, ARRAS_MANAGER))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void a_suspension_is_lifted_once() {
        PrisonVisitsSuspended suspended = new PrisonVisitsSuspended(
                id, NOW, NOW, Prison.MA_ARRAS, FROM, UNTIL, SuspensionReason.SECURITY_MEASURES);
        fixture.given(suspended)
                .when(new LiftPrisonVisitSuspension(id, UNTIL, ARRAS_MANAGER))
                .expectEvents(new PrisonVisitSuspensionLifted(id, UNTIL, NOW));
        fixture.given(suspended, new PrisonVisitSuspensionLifted(id, UNTIL, NOW))
                .when(new LiftPrisonVisitSuspension(id, UNTIL, ARRAS_MANAGER))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void a_team_manager_suspends_and_lifts_only_in_their_teams_prisons_and_the_service_manager_in_any() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPrisonVisits(
                        id, NOW, Prison.MA_ARRAS, FROM, UNTIL, SuspensionReason.STAFF_SHORTAGE, AMIENS_MANAGER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith(
                        "A team manager suspends the visits of " + "their own team's prisons"));
        fixture.givenNoPriorActivity()
                .when(new SuspendPrisonVisits(
                        id, NOW, Prison.DOUAI, FROM, UNTIL, SuspensionReason.STAFF_SHORTAGE, ARRAS_MANAGER))
                .expectException(RuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new SuspendPrisonVisits(
                        id, NOW, Prison.DOUAI, FROM, UNTIL, SuspensionReason.STAFF_SHORTAGE, SERVICE_MANAGER))
                .expectEvents(new PrisonVisitsSuspended(
                        id, NOW, NOW, Prison.DOUAI, FROM, UNTIL, SuspensionReason.STAFF_SHORTAGE));
        PrisonVisitsSuspended atArras =
                new PrisonVisitsSuspended(id, NOW, NOW, Prison.MA_ARRAS, FROM, UNTIL, SuspensionReason.STAFF_SHORTAGE);
        fixture.given(atArras)
                .when(new LiftPrisonVisitSuspension(id, UNTIL, AMIENS_MANAGER))
                .expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(atArras)
                .when(new LiftPrisonVisitSuspension(id, UNTIL, SERVICE_MANAGER))
                .expectEvents(new PrisonVisitSuspensionLifted(id, UNTIL, NOW));
    }
}
