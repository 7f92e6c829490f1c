package fr.rep.caseengine.command.rule;

import fr.rep.caseengine.command.pipeline.CommandProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused command answers alike whatever the aggregate: 409 (403 for a rule about the caller's rights), the problem
 * of its rule's family, the refusal's words as {@code detail} and the rule's code as {@code rule}. Pages say their
 * refusals in French themselves.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleProblems {

    @ExceptionHandler
    ProblemDetail ruleBroken(RuleViolation violation) {
        Rule rule = violation.rule();
        ProblemDetail problem = CommandProblems.problem(
                rule.isAboutRights() ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
                rule.family().problemKind(rule),
                rule.family().title(),
                violation.getMessage());
        problem.setProperty("rule", rule.code());
        return problem;
    }
}
