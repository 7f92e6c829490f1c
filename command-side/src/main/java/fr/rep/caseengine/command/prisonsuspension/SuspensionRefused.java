package fr.rep.caseengine.command.prisonsuspension;

/** A suspension command refused by its rule, stated in words. */
public class SuspensionRefused extends RuntimeException {

    SuspensionRefused(String rule) {
        super(rule);
    }
}
