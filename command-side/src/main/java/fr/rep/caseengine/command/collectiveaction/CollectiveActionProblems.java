package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.command.idempotency.CommandProblems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Turns refused collective action commands into problem details: 409 for a rule or a version conflict, 403 for
 * another team's action, 404 for no such talking group or a participant's case out of reach.
 */
@RestControllerAdvice(assignableTypes = CollectiveActionCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CollectiveActionProblems {

    @ExceptionHandler
    ProblemDetail ruleBroken(CollectiveActionRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setType(URI.create("urn:rep:problem:collective-action-rule:" + violation.rule().code()));
        problem.setTitle("Collective action rule broken");
        problem.setProperty("rule", violation.rule().code());
        return problem;
    }


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
