package fr.rep.caseengine.command.rule;

/**
 * A rule an aggregate enforces, stated as a caseworker would say it. Each aggregate lists its rules in an enum
 * ({@code CaseRule}, {@code CollectiveActionRule}, {@code SuspensionRule}), one rule per refused action.
 */
public interface Rule {

    /** The stable code: clients and the French interface translate by it. */
    String code();

    /** The rule in a caseworker's words. */
    String statement();

    /** Whose rule it is: names the problem a refusal answers with. */
    Family family();

    /** Whether breaking it is a matter of the caller's rights (403) rather than of the state of things (409). */
    default boolean isAboutRights() {
        return false;
    }

    /** The aggregates' families of rules, each with its problem's kind and title. */
    enum Family {
        CASE("case-rule", "Case rule broken", true),
        COLLECTIVE_ACTION("collective-action-rule", "Collective action rule broken", true),
        // Its problems were published with the family alone as their type: kept so, a problem's type being stable.
        PRISON_SUSPENSION("suspension-rule", "Suspension rule broken", false);

        private final String kind;
        private final String title;
        private final boolean typeNamesTheRule;

        Family(String kind, String title, boolean typeNamesTheRule) {
            this.kind = kind;
            this.title = title;
            this.typeNamesTheRule = typeNamesTheRule;
        }

        /** The problem kind of a refusal by {@code rule}: {@code case-rule:<code>}, {@code suspension-rule}. */
        public String problemKind(Rule rule) {
            return typeNamesTheRule ? kind + ":" + rule.code() : kind;
        }

        public String title() {
            return title;
        }
    }
}
