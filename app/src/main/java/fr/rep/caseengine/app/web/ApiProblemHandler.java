package fr.rep.caseengine.app.web;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.rep.caseengine.events.problem.ProblemType;
import java.net.URI;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's error answers. Input errors list each field with its rule in words under {@code errors}; anything
 * unexpected answers a bare 500 whose details stay in the log, never in the response.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final URI INVALID_INPUT = ProblemType.INVALID_INPUT;

    /** One broken input rule: the field (a JSON path, a header or a parameter name) and the rule in words. */
    record FieldProblem(String field, String message) {}

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalidInput(BindException invalid) {
        return invalid(invalid.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidInput(invalid);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                parameterName(result.getMethodParameter().getParameterName(), error),
                                error.getDefaultMessage())))
                .toList();
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> type = mismatch.getRequiredType();
        String rule = type != null && type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "is not a valid " + (type == null ? "value" : type.getSimpleName());
        return invalid(List.of(new FieldProblem(mismatch.getPropertyName(), rule)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        for (Throwable inner = unreadable.getCause(); inner != null; inner = inner.getCause()) {
            if (inner instanceof PlainTextParsing.RefusedText refused) {
                return invalid(List.of(new FieldProblem(path(refused.where()), refused.rule())));
            }
        }
        Throwable cause = jacksonCause(unreadable);
        if (cause instanceof StreamReadException read
                && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field")
                && read.getProcessor() != null) {
            return invalid(List.of(new FieldProblem(
                    path(read.getProcessor().getParsingContext().pathAsPointer()),
                    "appears more than once in the body")));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof InvalidFormatException format) {
            Class<?> type = format.getTargetType();
            String rule = type != null && type.isEnum()
                    ? "must be one of " + Arrays.toString(type.getEnumConstants())
                    : "is not a valid " + (type == null ? "value" : readable(type.getSimpleName()));
            return invalid(List.of(new FieldProblem(path(format), rule)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mapping), "has the wrong type or format")));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : "The body is missing or cannot be read as JSON";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Malformed request");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A value Jackson parsed but java.time cannot hold once converted (a date-time at the edge of its range): the
     * reader reports it as a "type definition" error, which is the client's input all the same.
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<Object> unconvertible(HttpMessageConversionException conversion) {
        if (!(conversion instanceof HttpMessageNotWritableException)
                && conversion.getCause() instanceof InvalidDefinitionException definition
                && rootCause(definition) instanceof DateTimeException) {
            return invalid(List.of(new FieldProblem(path(definition), "is not a date or time within range")));
        }
        return unexpected(conversion);
    }

    /** A request the firewall refuses when a header is first read (inside the application, not at its door). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request was refused: " + rejected.getMessage());
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        LOG.error("Unexpected failure while serving a request", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; it has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Every problem this handler answers is written as {@code application/problem+json} whatever the request's
     * {@code Accept} says (a client that accepts only XML or a PDF still needs to read why it was refused).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        String detail = problems.stream()
                .map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The outermost Jackson exception: it knows the JSON path, unlike the parse error it may wrap. */
    private static Throwable jacksonCause(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException) {
                return cause;
            }
        }
        return unreadable;
    }

    private static String parameterName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError field ? parameter + "." + field.getField() : parameter;
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A JSON pointer (/children/0/person) as problems name fields (children[0].person). */
    private static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                path.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String readable(String typeName) {
        return switch (typeName) {
            case "OffsetDateTime" -> "date-time with offset, such as 2026-11-20T14:30:00+01:00";
            case "LocalDate" -> "date, such as 2016-04-02";
            case "SubjectId", "CaseId", "UUID" -> "identifier (UUID)";
            default -> typeName;
        };
    }
}
