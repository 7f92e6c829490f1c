package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.idempotency.CommandProblems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Turns refused case commands into problem details: 409 for a rule or a version conflict, 404 for no such case. */
@RestControllerAdvice(assignableTypes = FamilyCaseCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FamilyCaseProblems {

    @ExceptionHandler
    ProblemDetail ruleBroken(CaseRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setType(URI.create("urn:rep:problem:case-rule:" + violation.rule().code()));
        problem.setTitle("Case rule broken");
        problem.setProperty("rule", violation.rule().code());
        return problem;
    }

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
