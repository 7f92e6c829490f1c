package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.prison.PrisonVisitSuspensionLifted;
import fr.rep.caseengine.events.prison.PrisonVisitsSuspended;
import fr.rep.caseengine.events.prison.SuspensionReason;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

class PrisonVisitSuspensionTest {

    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant FROM = Instant.parse("2026-04-02T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-04-16T00:00:00Z");

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
                .when(new SuspendPrisonVisits(id, NOW, Prison.MA_ARRAS, FROM, UNTIL, SuspensionReason.SANITARY_MEASURES))
                .expectEvents(new PrisonVisitsSuspended(id, NOW, NOW, Prison.MA_ARRAS, FROM, UNTIL,
                        SuspensionReason.SANITARY_MEASURES));
    }

    @Test
    void a_suspension_ending_before_it_begins_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPrisonVisits(id, NOW, Prison.MA_ARRAS, UNTIL, FROM, SuspensionReason.SANITARY_MEASURES))
                .expectNoEvents()
                .expectException(SuspensionRefused.class);
    }

    @Test
    void a_suspension_is_lifted_once() {
        PrisonVisitsSuspended suspended = new PrisonVisitsSuspended(id, NOW, NOW, Prison.MA_ARRAS, FROM, UNTIL,
                SuspensionReason.SECURITY_MEASURES);
        fixture.given(suspended)
                .when(new LiftPrisonVisitSuspension(id, UNTIL))
                .expectEvents(new PrisonVisitSuspensionLifted(id, UNTIL, NOW));
        fixture.given(suspended, new PrisonVisitSuspensionLifted(id, UNTIL, NOW))
                .when(new LiftPrisonVisitSuspension(id, UNTIL))
                .expectNoEvents()
                .expectException(SuspensionRefused.class);
    }
}
