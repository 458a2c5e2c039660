package cn.cppcc.proposals.shared;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of {@code /api} as {@code application/problem+json} (API.md "Errors"). A database
 * that is down answers 503 with {@code Retry-After} (DatabaseDown); what a client did wrong is told
 * by ClientError, which also finds a step's own exceptions wrapped by the engine (a task listener
 * failed); the engine's REST API answers the same through EngineRestErrors.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * The project's own exceptions and a race for a step (ClientError), also where the engine wrapped
     * them: a task listener failed.
     */
    @ExceptionHandler({InvalidInputException.class, ForbiddenException.class, NotFoundException.class,
            ConflictException.class, ProcessEngineException.class, OptimisticLockingFailureException.class,
            OptimisticLockException.class})
    ResponseEntity<Object> known(RuntimeException e, HttpServletRequest request) {
        return answer(e, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        List<FieldError> errors = List.of(new FieldError(e.getName(), "取值无效"));
        return problem(HttpStatus.BAD_REQUEST, "输入有误", "参数取值无效（" + e.getName() + "）", errors, request);
    }

    /**
     * A bug: logged with its stack trace, answered without internals. Also the static files'
     * handler's failures end here (this advice is for every handler): a download the client broke
     * off (a broken pipe, a reset connection) is no bug and has no one to answer: DEBUG, no answer.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring MVC and Spring Security answer these themselves
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client went away on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        return answer(e, request);
    }

    /** The database is down (503), else the client's error, else a bug. */
    private static ResponseEntity<Object> answer(Exception e, HttpServletRequest request) {
        if (DatabaseDown.in(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseDown.RETRY_AFTER_SECONDS))
                    .body(body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseDown.TITLE, DatabaseDown.DETAIL, null, request));
        }
        return ClientError.in(e).map(error -> problem(error, request)).orElseGet(() -> bug(e, request));
    }

    private static ResponseEntity<Object> bug(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统错误", "处理失败，请联系管理员", null, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("TooLargeException")) {
                ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "请求体不能超过1MB");
                tooLarge.setTitle("请求过大");
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(tooLarge);
            }
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求体不是有效的JSON");
        body.setTitle("输入有误");
        body.setProperty("errors", List.of(new FieldError("body", "请求体不是有效的JSON")));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static ResponseEntity<Object> problem(ClientError error, HttpServletRequest request) {
        return problem(HttpStatus.valueOf(error.status()), error.title(), error.detail(), error.errors(), request);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
            List<FieldError> errors, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, title, detail, errors, request));
    }

    private static ProblemDetail body(HttpStatus status, String title, String detail, List<FieldError> errors,
            HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return body;
    }
}
