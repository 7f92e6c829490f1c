package fr.rep.caseengine.command.collectiveaction;

import static fr.rep.caseengine.command.collectiveaction.AtAmiens.RECORDED_AT;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.paris;
import static fr.rep.caseengine.command.collectiveaction.AtAmiens.violationOf;
import static org.hamcrest.Matchers.containsString;

import fr.rep.caseengine.events.CaseId;
import fr.rep.caseengine.events.SubjectId;
import fr.rep.caseengine.events.collectiveaction.CollectiveActionId;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionHeld;
import fr.rep.caseengine.events.collectiveaction.CollectiveSessionKind;
import fr.rep.caseengine.events.collectiveaction.Participant;
import fr.rep.caseengine.events.familycase.Prison;
import fr.rep.caseengine.events.familycase.Team;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

@DisplayName("Snacks and craft workshops")
class CollectiveSessionTest {

    private static final Instant HELD_AT = paris("2026-02-18T14:00");

    private final CollectiveActionId sessionId = CollectiveActionId.random();
    private final List<Participant> parents = IntStream.range(0, 12)
            .mapToObj(i -> new Participant(CaseId.random(), SubjectId.random()))
            .toList();
    private AggregateTestFixture<CollectiveSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CollectiveSession.class);
        fixture.registerInjectableResource(AtAmiens.CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CollectiveSessionKind.class)
    void a_session_is_recorded_with_its_kind_team_prison_date_and_each_parent_s_case(CollectiveSessionKind kind) {
        fixture.givenNoPriorActivity()
                .when(hold(kind, parents.subList(0, 3)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CollectiveSessionHeld(
                        sessionId,
                        HELD_AT,
                        RECORDED_AT,
                        kind,
                        Team.PAS_DE_CALAIS,
                        Prison.CD_BAPAUME,
                        parents.subList(0, 3)));
    }

    @Test
    void a_snack_is_not_limited_to_eight_parents_like_a_talking_group() {
        fixture.givenNoPriorActivity()
                .when(hold(CollectiveSessionKind.SNACK, parents))
                .expectEvents(new CollectiveSessionHeld(
                        sessionId,
                        HELD_AT,
                        RECORDED_AT,
                        CollectiveSessionKind.SNACK,
                        Team.PAS_DE_CALAIS,
                        Prison.CD_BAPAUME,
                        parents));
    }

    @Test
    void a_session_listing_a_parent_twice_is_refused_so_that_no_participation_is_counted_twice() {
        Participant twice = parents.get(0);

        fixture.givenNoPriorActivity()
                .when(hold(CollectiveSessionKind.CRAFT_WORKSHOP, List.of(twice, parents.get(1), twice)))
                .expectNoEvents()
                .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE))
                .expectExceptionMessage(containsString(twice.caseId().toString()));
    }

    @ParameterizedTest(name = "participants: {0}")
    @NullAndEmptySource
    void a_session_without_any_parent_is_refused(List<Participant> nobody) {
        fixture.givenNoPriorActivity()
                .when(hold(CollectiveSessionKind.SNACK, nobody))
                .expectNoEvents()
                .expectException(violationOf(CollectiveActionRule.PARTICIPANTS_EACH_ONCE));
    }

    private HoldCollectiveSession hold(CollectiveSessionKind kind, List<Participant> participants) {
        return new HoldCollectiveSession(sessionId, HELD_AT, kind, Team.PAS_DE_CALAIS, Prison.CD_BAPAUME, participants);
    }
}
