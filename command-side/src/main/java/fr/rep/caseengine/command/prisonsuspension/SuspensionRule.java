package fr.rep.caseengine.command.prisonsuspension;

import fr.rep.caseengine.command.rule.Rule;

/**
 * The rules a prison-wide suspension of visits enforces, each stated as a caseworker would say it.
 * The code is stable: clients (and the French interface) translate by it.
 */
public enum SuspensionRule implements Rule {
    ENDS_AFTER_IT_BEGINS("suspension-ends-after-it-begins", "A suspension ends after it begins"),
    LIFTED_ONCE("suspension-lifted-once", "A suspension is lifted once"),
    OWN_TEAMS_PRISONS(
            "suspension-own-teams-prisons",
            "A team manager suspends the visits of their own team's prisons; the service manager, of any prison");

    private final String code;
    private final String statement;

    SuspensionRule(String code, String statement) {
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
        return Family.PRISON_SUSPENSION;
    }

    /** A prison outside the caller's scope is a matter of rights; the other rules, of the suspension's state. */
    @Override
    public boolean isAboutRights() {
        return this == OWN_TEAMS_PRISONS;
    }
}
