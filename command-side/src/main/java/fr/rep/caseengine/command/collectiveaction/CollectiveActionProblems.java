package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.command.pipeline.CommandProblems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The collective action commands' own problems: 403 for another team's action, 404 for no such talking group (a
 * refused rule is {@link fr.rep.caseengine.command.rule.RuleViolation}'s, answered alike for every aggregate).
 */
@RestControllerAdvice(assignableTypes = CollectiveActionCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CollectiveActionProblems {

    @ExceptionHandler({UnknownTalkingGroup.class, AggregateNotFoundException.class})
    ProblemDetail unknownGroup(RuntimeException unknown) {
        String detail = unknown instanceof AggregateNotFoundException notFound
                ? "No talking group with id " + notFound.getAggregateIdentifier()
                : unknown.getMessage();
        return CommandProblems.problem(HttpStatus.NOT_FOUND, "unknown-talking-group", "Unknown talking group", detail);
    }

    @ExceptionHandler
    ProblemDetail otherTeam(OtherTeamsCollectiveAction otherTeam) {
        return CommandProblems.problem(HttpStatus.FORBIDDEN, "other-team", "Not your team", otherTeam.getMessage());
    }
}
