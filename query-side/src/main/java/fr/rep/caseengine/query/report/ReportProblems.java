package fr.rep.caseengine.query.report;

import fr.rep.caseengine.events.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details of the report: 403 outside the caller's teams, 400 naming the parameter and its rule. */
@RestControllerAdvice(assignableTypes = ActivityReportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportProblems {

    @ExceptionHandler
    ProblemDetail outOfScope(ReportOutOfScope outOfScope) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, outOfScope.getMessage());
        problem.setType(ProblemType.of("report-out-of-scope"));
        problem.setTitle("Report outside your scope");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidReportRequest invalid) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.field() + ": " + invalid.getMessage());
        problem.setType(ProblemType.INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        return problem;
    }
}
