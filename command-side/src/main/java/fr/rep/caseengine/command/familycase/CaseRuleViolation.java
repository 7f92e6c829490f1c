package fr.rep.caseengine.command.familycase;

/** A command refused because it would break one of the case's rules; the message names the rule and the state. */
public class CaseRuleViolation extends RuntimeException {

    private final CaseRule rule;

    CaseRuleViolation(CaseRule rule, String currentState) {
        super(rule.statement() + ": " + currentState);
        this.rule = rule;
    }

    public CaseRule rule() {
        return rule;
    }
}
