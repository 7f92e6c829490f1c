package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.events.familycase.Team;

/** A caseworker opens cases for their own team only. */
class TeamOfTheCaller extends RuntimeException {

    TeamOfTheCaller(Team requested) {
        super("A caseworker opens cases for their own team only; this request is for team " + requested.label());
    }
}
