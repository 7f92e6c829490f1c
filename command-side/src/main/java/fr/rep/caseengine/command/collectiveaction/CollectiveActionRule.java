package fr.rep.caseengine.command.collectiveaction;

import static java.util.stream.Collectors.joining;

import fr.rep.caseengine.command.rule.Rule;
import fr.rep.caseengine.events.collectiveaction.TalkingGroupTheme;

/**
 * The rules collective actions enforce, each stated as a caseworker would say it.
 * The code is stable: clients (and the future French interface) may translate by it.
 */
public enum CollectiveActionRule implements Rule {
    PARTICIPANTS_EACH_ONCE("participants-each-once", "A collective action lists at least one parent, each once"),
    TALKING_GROUP_AT_MOST_EIGHT("talking-group-at-most-eight", "A talking group has at most 8 members"),
    TALKING_GROUP_IS_CLOSED(
            "talking-group-is-closed",
            "A talking group is closed: only its members attend its sessions, and no one joins once its first "
                    + "session was held"),
    SESSIONS_IN_ORDER(
            "sessions-in-order",
            "A talking group's sessions follow one another, each on the next theme of the cycle: "
                    + TalkingGroupTheme.cycle().stream()
                            .map(TalkingGroupTheme::label)
                            .collect(joining("; "))),
    CYCLE_OF_FOUR_SESSIONS(
            "cycle-of-four-sessions", "A talking group's cycle has exactly 4 sessions: none after the 4th");

    private final String code;
    private final String statement;

    CollectiveActionRule(String code, String statement) {
        this.code = code;
        this.statement = statement;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public Family family() {
        return Family.COLLECTIVE_ACTION;
    }
}
