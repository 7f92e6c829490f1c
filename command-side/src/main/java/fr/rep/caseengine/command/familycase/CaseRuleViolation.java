package fr.rep.caseengine.command.familycase;

/** A command refused because it would break one of the case's rules; the message names the rule and the state. */
public class CaseRuleViolation extends RuntimeException {

    private final CaseRule rule;

    CaseRuleViolation(CaseRule rule, String currentState) {
        this(rule.statement() + ": " + currentState, rule);
    }

    private CaseRuleViolation(String message, CaseRule rule) {
        super(message);
        this.rule = rule;
    }

    /** A refusal whose one sentence says both the rule and the state (a step refused for the case's stage). */
    static CaseRuleViolation said(CaseRule rule, String sentence) {
        return new CaseRuleViolation(sentence, rule);
    }

    public CaseRule rule() {
        return rule;
    }
}
