package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.events.familycase.Team;

/** Caseworkers record the collective actions of their own team only. */
class OtherTeamsCollectiveAction extends RuntimeException {

    OtherTeamsCollectiveAction(Team team) {
        super("Caseworkers record the collective actions of their own team only; this one is for team " + team.label());
    }
}
