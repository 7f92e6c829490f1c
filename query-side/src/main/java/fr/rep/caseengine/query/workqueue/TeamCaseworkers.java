package fr.rep.caseengine.query.workqueue;

import fr.rep.caseengine.events.familycase.Team;
import java.util.List;

/** The staff directory, as a team manager's pages need it: whom they may choose among their team. */
public interface TeamCaseworkers {

    /** The enabled caseworker accounts of this team, by name. */
    List<String> activeCaseworkersOf(Team team);
}
