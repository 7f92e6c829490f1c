package fr.rep.caseengine.query.projection;

import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.familycase.CaseStage;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle table ({@link CaseStage#next}) applied by PostgreSQL to a row's {@code stage} column, so a projection
 * moves a case's stage in the same statement as the rest of its changes, without reading the row first.
 *
 * @param expression {@code CASE stage WHEN ? THEN ? ... ELSE stage END}, one arm per stage the event moves on from;
 *                   empty when the event moves no stage
 * @param arguments  the stages' names, in the order of the expression's parameters
 */
public record StageChange(String expression, List<Object> arguments) {

    /** What {@code event} does to whichever stage the row holds. */
    public static StageChange of(CaseEvent event) {
        StringBuilder arms = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        for (CaseStage stage : CaseStage.values()) {
            CaseStage next = CaseStage.next(stage, event);
            if (next != stage) {
                arms.append(" WHEN ? THEN ?");
                arguments.add(stage.name());
                arguments.add(next.name());
            }
        }
        return new StageChange(arms.isEmpty() ? "" : "CASE stage" + arms + " ELSE stage END", List.copyOf(arguments));
    }

    /** Adds {@code , stage = CASE ...} and its arguments to an {@code UPDATE}'s assignments, if the event moves any. */
    public void assign(StringBuilder sql, List<Object> values) {
        if (!expression.isEmpty()) {
            sql.append(", stage = ").append(expression);
            values.addAll(arguments);
        }
    }
}
