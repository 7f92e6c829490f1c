package fr.rep.caseengine.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears of a change: the case list's scope, by team and assignee; service managers on the dashboard only. */
class LiveUpdatesScopeTest {

    final Caller claire = new Caller("claire", Set.of(Role.CASEWORKER), Team.SOMME_AISNE_OISE);
    final Caller paul = new Caller("paul.pdc", Set.of(Role.CASEWORKER), Team.PAS_DE_CALAIS);
    final Caller sophie = new Caller("sophie.manager", Set.of(Role.TEAM_MANAGER), Team.SOMME_AISNE_OISE);
    final Caller marc = new Caller("marc.service", Set.of(Role.SERVICE_MANAGER), null);
    final Caller alice = new Caller("alice.audit", Set.of(Role.AUDITOR), null);

    final ViewChange ofSomme = change(Team.SOMME_AISNE_OISE, List.of());
    final ViewChange ofSommeAssignedToPaul = change(Team.SOMME_AISNE_OISE, List.of("paul.pdc"));

    @Test
    void a_change_of_a_teams_case_reaches_its_caseworkers_and_manager_only() {
        assertThat(LiveUpdates.visibleTo(claire, View.CASELOAD, ofSomme)).isTrue();
        assertThat(LiveUpdates.visibleTo(sophie, View.WORK_QUEUE, ofSomme)).isTrue();
        assertThat(LiveUpdates.visibleTo(paul, View.CASELOAD, ofSomme)).isFalse();
        assertThat(LiveUpdates.visibleTo(alice, View.CASELOAD, ofSomme)).isFalse();
    }

    @Test
    void a_caseworker_of_another_team_hears_of_the_cases_assigned_to_them() {
        assertThat(LiveUpdates.visibleTo(paul, View.WORK_QUEUE, ofSommeAssignedToPaul))
                .isTrue();
    }

    @Test
    void a_service_manager_hears_of_every_dashboard_change_and_of_no_work_queue() {
        assertThat(LiveUpdates.visibleTo(marc, View.CASELOAD, ofSomme)).isTrue();
        assertThat(LiveUpdates.visibleTo(marc, View.WORK_QUEUE, ofSomme)).isFalse();
    }

    private static ViewChange change(Team team, List<String> caseworkers) {
        return new ViewChange("caseload", team, UUID.randomUUID(), caseworkers);
    }
}
