package fr.rep.caseengine.command.rule;

/** A command refused because it would break one of the domain's rules; the message names the rule and the state. */
public class RuleViolation extends RuntimeException {

    private final transient Rule rule;

    /** A refusal saying the rule, then the state that breaks it. */
    public RuleViolation(Rule rule, String currentState) {
        this(rule.statement() + ": " + currentState, rule);
    }

    private RuleViolation(String message, Rule rule) {
        super(message);
        this.rule = rule;
    }

    /** A refusal whose one sentence says both the rule and the state (a step refused for the case's stage). */
    public static RuleViolation said(Rule rule, String sentence) {
        return new RuleViolation(sentence, rule);
    }

    public Rule rule() {
        return rule;
    }
}
