package fr.rep.caseengine.command.pipeline;

import fr.rep.caseengine.command.access.CaseOutOfReach;
import fr.rep.caseengine.events.problem.ProblemType;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What every command endpoint answers alike: a case out of the caller's reach (404, as if unknown), an id of another
 * kind (404), version conflicts (409) and a reused idempotency key (422); and the one way the command side builds a
 * problem.
 */
@RestControllerAdvice(basePackages = "fr.rep.caseengine.command")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CommandProblems {

    /** A problem of the type {@link ProblemType#of} names for {@code type}. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.of(type));
        problem.setTitle(title);
        return problem;
    }

    /** An unknown case and a case out of the caller's reach answer alike, so as not to confirm it exists. */
    @ExceptionHandler
    ProblemDetail unknownCase(CaseOutOfReach unknown) {
        return problem(HttpStatus.NOT_FOUND, "unknown-case", "Unknown case", unknown.getMessage());
    }

    /**
     * A stale {@code If-Match}, or two writers (possibly on two nodes) appending the same version at once:
     * PostgreSQL's unique key lets one win, the other is told to reload.
     */
    @ExceptionHandler({
        ConflictingModificationException.class,
        ConcurrencyException.class,
        AggregateStreamCreationException.class
    })
    ProblemDetail versionConflict(Exception conflict) {
        String detail = conflict instanceof ConflictingAggregateVersionException versions
                ? "It changed since version " + versions.getExpectedVersion() + " (it is now at version "
                        + versions.getActualVersion() + "): reload it and decide again"
                : "It was changed by someone else at the same moment: reload it and decide again";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(ProblemType.of("version-conflict"));
        problem.setTitle("Version conflict");
        return problem;
    }

    /**
     * An id of another kind of thing (a case's id where a suspension's is expected): its events belong to another
     * aggregate, so nothing of the kind asked for has this id.
     */
    @ExceptionHandler
    ProblemDetail otherKind(IncompatibleAggregateException otherKind) {
        return problem(HttpStatus.NOT_FOUND, "unknown-id", "Unknown id", "Nothing of this kind has this id");
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReused reused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, reused.getMessage());
        problem.setType(ProblemType.of("idempotency-key-reused"));
        problem.setTitle("Idempotency key reused");
        return problem;
    }
}
