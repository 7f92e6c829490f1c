package fr.rep.caseengine.query.history;

import fr.rep.caseengine.events.familycase.CaseEvent;
import fr.rep.caseengine.events.problem.ProblemType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Which entries of a history to show: a period {@code [from, to)} on one time axis, and event types.
 *
 * @param time  which time the period applies to: when the fact happened, or when the service recorded it
 * @param kinds event type names (e.g. {@code VisitMediated}); empty for every type
 */
record HistoryFilter(Instant from, Instant to, TimeAxis time, List<String> kinds) {

    enum TimeAxis {
        /** When the fact happened, as the caseworker reported it ({@code occurredAt}). */
        OCCURRED,
        /** When the service stored it ({@code recordedAt}). */
        RECORDED
    }

    /** The simple names of every case event type, the values {@code kind} accepts. */
    static final Set<String> KINDS = Arrays.stream(CaseEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toCollection(TreeSet::new));

    HistoryFilter {
        time = time == null ? TimeAxis.OCCURRED : time;
        kinds = kinds == null ? List.of() : kinds.stream().distinct().sorted().toList();
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw invalid("kind", "must be one of " + KINDS);
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("to", "must be after from");
        }
    }

    /** The SQL condition on {@code case_history_entry} and its arguments, appended to {@code arguments}. */
    String condition(List<Object> arguments) {
        String column = time == TimeAxis.OCCURRED ? "occurred_at" : "recorded_at";
        StringBuilder condition = new StringBuilder();
        if (from != null) {
            condition.append(" AND h.").append(column).append(" >= ?");
            arguments.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            condition.append(" AND h.").append(column).append(" < ?");
            arguments.add(java.sql.Timestamp.from(to));
        }
        if (!kinds.isEmpty()) {
            condition
                    .append(" AND h.event_type IN (")
                    .append(String.join(", ", kinds.stream().map(kind -> "?").toList()))
                    .append(')');
            arguments.addAll(kinds);
        }
        return condition.toString();
    }

    private static ErrorResponseException invalid(String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + rule);
        problem.setType(ProblemType.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", rule)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
