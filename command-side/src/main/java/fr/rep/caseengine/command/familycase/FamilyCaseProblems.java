package fr.rep.caseengine.command.familycase;

import fr.rep.caseengine.command.access.CaseOutOfReach;
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

    /** An unknown case and a case out of the caller's reach answer alike, so as not to confirm it exists. */
    @ExceptionHandler({CaseOutOfReach.class, AggregateNotFoundException.class})
    ProblemDetail unknownCase(RuntimeException unknown) {
        String detail = unknown instanceof AggregateNotFoundException notFound
                ? "No case with id " + notFound.getAggregateIdentifier()
                : unknown.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("urn:rep:problem:unknown-case"));
        problem.setTitle("Unknown case");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail otherTeam(TeamOfTheCaller otherTeam) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, otherTeam.getMessage());
        problem.setType(URI.create("urn:rep:problem:other-team"));
        problem.setTitle("Not your team");
        return problem;
    }
}
