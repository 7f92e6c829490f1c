package fr.rep.caseengine.events.collectiveaction;

import java.util.List;

/** The fixed themes of a talking group's sessions (groupe de parole), declared in the order a cycle takes them. */
public enum TalkingGroupTheme {
    BEING_A_FATHER_IN_DETENTION("Being a father in detention"),
    PARENTAL_AND_MARITAL_COUPLE("The parental couple and the marital couple"),
    CHILD_NEEDS_AND_DEVELOPMENT("The child's needs and development"),
    PARENTS_RIGHTS_AND_DUTIES("Parents' rights and duties");

    private static final List<TalkingGroupTheme> CYCLE = List.of(values());

    private final String label;

    TalkingGroupTheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The themes of one cycle, one session each, in order. */
    public static List<TalkingGroupTheme> cycle() {
        return CYCLE;
    }
}
