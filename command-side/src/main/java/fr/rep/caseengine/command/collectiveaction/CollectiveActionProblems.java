package fr.rep.caseengine.command.collectiveaction;

import fr.rep.caseengine.command.access.CaseOutOfReach;
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("urn:rep:problem:unknown-talking-group"));
        problem.setTitle("Unknown talking group");
        return problem;
    }

    /** A participant's case that is unknown or out of the caller's reach answers alike, as on case commands. */
    @ExceptionHandler
    ProblemDetail unknownCase(CaseOutOfReach unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setType(URI.create("urn:rep:problem:unknown-case"));
        problem.setTitle("Unknown case");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail otherTeam(OtherTeamsCollectiveAction otherTeam) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, otherTeam.getMessage());
        problem.setType(URI.create("urn:rep:problem:other-team"));
        problem.setTitle("Not your team");
        return problem;
    }
}
