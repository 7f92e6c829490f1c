package fr.rep.caseengine.query.caseview;

import fr.rep.caseengine.events.problem.ProblemType;
import fr.rep.caseengine.query.access.UnknownCase;
import fr.rep.caseengine.query.access.ViewBehind;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details of the case views: 404 for an unknown case, 503 while a view is behind the asked version. */
@RestControllerAdvice(basePackages = "fr.rep.caseengine.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseViewProblems {

    @ExceptionHandler
    ProblemDetail unknownCase(UnknownCase unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setType(ProblemType.of("unknown-case"));
        problem.setTitle("Unknown case");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> viewBehind(ViewBehind behind) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, behind.getMessage());
        problem.setType(ProblemType.of("view-behind"));
        problem.setTitle("View not yet up to date");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
