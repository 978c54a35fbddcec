package dev.paydesk.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.paydesk.platform.NoWorkingTimeException;
import dev.paydesk.shared.ConflictException;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

/** Maps domain exceptions from REST controllers to RFC 9457 problem+json. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblemAdvice.class);

    private static final String TYPE_BASE = "https://paydesk.dev/problems/";

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), req, Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest req) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), req, Map.of());
    }

    /** A market's calendar that has no working time for the request: fix the calendar (409, its own type). */
    @ExceptionHandler(NoWorkingTimeException.class)
    ResponseEntity<ProblemDetail> noWorkingTime(NoWorkingTimeException e, HttpServletRequest req) {
        return problem(HttpStatus.CONFLICT, "no-working-time", "Calendar has no working time", e.getMessage(), req,
                Map.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage(), req,
                Map.of("field", e.field()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", message(f, e.getBindingResult()))).toList();
        String field = errors.isEmpty() ? "body" : errors.get(0).get("field");
        var first = e.getBindingResult().getFieldError();
        String detail = errors.isEmpty() ? "The request body is invalid."
                : first != null && first.isBindingFailure() ? errors.get(0).get("message") : field + ": " + errors.get(0).get("message");
        return cast(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, path(request),
                Map.of("field", field, "errors", errors)));
    }

    /**
     * A field error in the API's words: a parameter of the wrong kind (a filter record's binding
     * failure) is named like a mismatched single parameter, never with the Java types behind it.
     */
    private static String message(org.springframework.validation.FieldError f,
                                  org.springframework.validation.BindingResult result) {
        if (!f.isBindingFailure()) {
            return String.valueOf(f.getDefaultMessage());
        }
        Object value = f.getRejectedValue();
        String text = value instanceof Object[] values ? String.join(",", java.util.Arrays.stream(values)
                .map(String::valueOf).toList()) : String.valueOf(value);
        Class<?> type = result.getFieldType(f.getField());
        return "'" + BodyProblem.shorten(text) + "' is not a valid "
                + BodyProblem.kind(type != null && java.util.Collection.class.isAssignableFrom(type) ? null : type)
                + " for " + f.getField();
    }

    /**
     * A body Jackson could not read: the field is named by its JSON path and the reason in the API's
     * words, never with the Java types behind it (issue 21, #19).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyProblem body = BodyProblem.of(e);
        return cast(problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body", body.detail(),
                path(request), Map.of("field", body.field())));
    }

    /** Anything else is a bug: logged with its stack, answered as problem+json without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) throws Exception {
        if (e instanceof ErrorResponse || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; the error was logged.", req, Map.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : "";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "'" + BodyProblem.shorten(String.valueOf(e.getValue())) + "' is not a valid "
                        + BodyProblem.kind(e.getRequiredType()) + " for " + e.getName(), req, Map.of("field", e.getName()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest req) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), req, Map.of());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         HttpServletRequest req, Map<String, Object> extra) {
        return problem(status, type, title, detail, req.getRequestURI(), extra);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         String path, Map<String, Object> extra) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        p.setInstance(URI.create(path));
        extra.forEach(p::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
