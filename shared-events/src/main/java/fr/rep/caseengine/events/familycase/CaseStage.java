package fr.rep.caseengine.events.familycase;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a case stands in the support's lifecycle (the report's "modalités d'accompagnement"). Both sides derive it from
 * the events with {@link #next(CaseStage, CaseEvent)}, so the command side's rules and the query side's filters always
 * agree; {@link #TRANSITIONS} is the table the documentation's diagram is generated from.
 */
public enum CaseStage {
    /** Accueil et évaluation: the request is registered and being evaluated. */
    RECEPTION,
    /** Intervention impossible: declined after evaluation; only reopening is possible. */
    DECLINED,
    /** Médiation et mise en place: interviews, adhesion of every party, permits, the team's review. */
    SETTING_UP,
    /** Accompagnement en milieu fermé: the parent is in custody; visits in the prison's visiting room. */
    CLOSED_SETTING,
    /** Accompagnement en milieu ouvert: placement, leave, monitoring or release; visits in ordinary places. */
    OPEN_SETTING,
    /** Fin d'intervention: a closing report was sent; only reopening is possible. */
    CLOSED;

    private static final Set<CaseStage> SUPPORT = EnumSet.of(CLOSED_SETTING, OPEN_SETTING);
    private static final Set<CaseStage> OPEN = EnumSet.of(RECEPTION, SETTING_UP, CLOSED_SETTING, OPEN_SETTING);

    /**
     * One arrow of the lifecycle: in one of {@code from}, an event of type {@code on} that satisfies {@code when}
     * moves the case to {@code to}. The first matching arrow wins; an event no arrow matches leaves the stage as is.
     */
    public record Transition(
            Set<CaseStage> from,
            Class<? extends CaseEvent> on,
            String condition,
            Predicate<CaseEvent> when,
            CaseStage to) {}

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(Set.of(RECEPTION), RequestAccepted.class, "", event -> true, SETTING_UP),
            new Transition(Set.of(RECEPTION), RequestDeclined.class, "", event -> true, DECLINED),
            new Transition(
                    EnumSet.of(SETTING_UP, CLOSED_SETTING, OPEN_SETTING),
                    VisitMediated.class,
                    "in prison",
                    event -> ((VisitMediated) event).place() == VisitPlace.PRISON_VISITING_ROOM,
                    CLOSED_SETTING),
            new Transition(
                    EnumSet.of(SETTING_UP, CLOSED_SETTING, OPEN_SETTING),
                    VisitMediated.class,
                    "outside",
                    event -> ((VisitMediated) event).place() == VisitPlace.OUTSIDE,
                    OPEN_SETTING),
            new Transition(
                    SUPPORT,
                    CustodyChanged.class,
                    "into custody",
                    event -> ((CustodyChanged) event).change().inCustody(),
                    CLOSED_SETTING),
            new Transition(
                    SUPPORT,
                    CustodyChanged.class,
                    "out of custody",
                    event -> !((CustodyChanged) event).change().inCustody(),
                    OPEN_SETTING),
            new Transition(OPEN, InterventionClosed.class, "", event -> true, CLOSED),
            new Transition(EnumSet.of(DECLINED, CLOSED), CaseReopened.class, "", event -> true, RECEPTION));

    /** The stage a case reaches when {@code event} happens in stage {@code current} ({@code null} before the request). */
    public static CaseStage next(CaseStage current, CaseEvent event) {
        if (event instanceof RequestReceived) {
            return RECEPTION;
        }
        for (Transition transition : TRANSITIONS) {
            if (transition.from().contains(current)
                    && transition.on().isInstance(event)
                    && transition.when().test(event)) {
                return transition.to();
            }
        }
        return current;
    }
}
