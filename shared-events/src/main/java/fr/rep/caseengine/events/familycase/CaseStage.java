package fr.rep.caseengine.events.familycase;

/**
 * Where a case stands in the support's lifecycle. Both sides derive it from the events with
 * {@link #next(CaseStage, CaseEvent)}, so the command side's rules and the query side's filters always agree.
 */
public enum CaseStage {
    /** Accueil et évaluation: the request is registered and being evaluated. */
    RECEPTION,
    /** Médiation et mise en place: parties are giving their adhesion. */
    SETTING_UP,
    /** Accompagnement en milieu fermé: visits are taking place. */
    SUPPORT,
    /** Fin d'intervention. */
    CLOSED;

    /** The stage a case reaches when {@code event} happens in stage {@code current} ({@code null} before the request). */
    public static CaseStage next(CaseStage current, CaseEvent event) {
        if (event instanceof RequestReceived) {
            return RECEPTION;
        }
        if (event instanceof InterventionClosed) {
            return CLOSED;
        }
        if (event instanceof VisitMediated) {
            return SUPPORT;
        }
        if (event instanceof ConsentRecorded && current == RECEPTION) {
            return SETTING_UP;
        }
        return current;
    }
}
