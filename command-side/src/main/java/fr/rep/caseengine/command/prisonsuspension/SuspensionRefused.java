package fr.rep.caseengine.command.prisonsuspension;

/** A suspension command refused by one of its rules; the message names the rule and the state. */
public class SuspensionRefused extends RuntimeException {

    private final SuspensionRule rule;

    SuspensionRefused(SuspensionRule rule, String currentState) {
        super(rule.statement() + ": " + currentState);
        this.rule = rule;
    }

    public SuspensionRule rule() {
        return rule;
    }
}
