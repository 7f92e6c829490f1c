package fr.rep.caseengine.command.familycase;

/**
 * The rules a family case enforces, each stated as a caseworker would say it.
 * The code is stable: clients (and the future French interface) may translate by it.
 */
public enum CaseRule {
    CONSENTS_REQUIRED_FOR_VISIT("consents-required-for-visit",
            "A visit needs the current consent of the detained parent and of the holder of parental authority "
                    + "(or ASE) of every child present"),
    NO_VISIT_WITH_ADULT_CHILD("no-visit-with-adult-child",
            "No visit with a child aged 18 or more on the visit date"),
    CLOSED_CASE_ACCEPTS_NOTHING("closed-case-accepts-nothing",
            "A closed case accepts no command"),
    NOT_IN_THIS_STAGE("not-in-this-stage",
            "This step is not possible at the case's current stage"),
    CLOSING_NEEDS_REASON("closing-needs-reason",
            "Closing needs one of the report's reasons"),
    VISIT_NEEDS_CHILDREN_OF_THE_CASE("visit-needs-children-of-the-case",
            "A visit needs at least one child, and only children of this case, each once"),
    CONSENT_FROM_A_PARTY("consent-from-a-party",
            "Only the detained parent and the holders of parental authority on the case give or withdraw consent"),
    CONSENT_ALREADY_CURRENT("consent-already-current",
            "A consent that is current cannot be recorded again"),
    NO_CURRENT_CONSENT_TO_WITHDRAW("no-current-consent-to-withdraw",
            "Only a current consent can be withdrawn"),
    ALREADY_ASSIGNED("already-assigned",
            "A case is assigned to a caseworker who does not have it yet"),
    REQUEST_NEEDS_A_COMPLETE_FAMILY("request-needs-a-complete-family",
            "A request names at least one child, each person once, and every child's holder of parental authority among its parties");

    private final String code;
    private final String statement;

    CaseRule(String code, String statement) {
        this.code = code;
        this.statement = statement;
    }

    public String code() {
        return code;
    }

    public String statement() {
        return statement;
    }
}
