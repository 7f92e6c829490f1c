package fr.rep.caseengine.command.collectiveaction;

/** A command refused because it would break a rule of collective actions; the message names the rule and the state. */
public class CollectiveActionRuleViolation extends RuntimeException {

    private final CollectiveActionRule rule;

    CollectiveActionRuleViolation(CollectiveActionRule rule, String currentState) {
        super(rule.statement() + ": " + currentState);
        this.rule = rule;
    }

    public CollectiveActionRule rule() {
        return rule;
    }
}
