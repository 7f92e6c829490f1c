package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.pipeline.CommandProblems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The case commands' own problems: 404 for no such case, 403 for a case of another team (a refused rule is
 * {@link fr.rep.caseengine.command.rule.RuleViolation}'s, answered alike for every aggregate).
 */
@RestControllerAdvice(assignableTypes = FamilyCaseCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FamilyCaseProblems {

    /** A case the event store does not know (a case out of reach is answered alike by {@link CommandProblems}). */
    @ExceptionHandler
    ProblemDetail unknownCase(AggregateNotFoundException unknown) {
        String detail = "No case with id " + unknown.getAggregateIdentifier();
        return CommandProblems.problem(HttpStatus.NOT_FOUND, "unknown-case", "Unknown case", detail);
    }

    @ExceptionHandler
    ProblemDetail otherTeam(TeamOfTheCaller otherTeam) {
        return CommandProblems.problem(HttpStatus.FORBIDDEN, "other-team", "Not your team", otherTeam.getMessage());
    }
}
