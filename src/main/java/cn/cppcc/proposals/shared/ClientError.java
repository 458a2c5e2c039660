package cn.cppcc.proposals.shared;

import jakarta.persistence.OptimisticLockException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a failure tells the client, the same through every door (the API's
 * {@code ApiExceptionHandler}, the engine's REST API and the webapps'): the project's own
 * exceptions, and a race for a step that another request took or changed first. Found also where
 * it is wrapped, as the engine wraps what a task listener throws (ENGINE-03051).
 *
 * @param status the HTTP status: 400, 403, 404 or 409
 * @param title  a short Chinese title
 * @param detail the Chinese message; for bad input it names each field
 * @param errors for 400 each field with its message, otherwise null
 * @param source the exception that says it
 */
public record ClientError(int status, String title, String detail, List<FieldError> errors, Throwable source) {

    /** What a user is told when another request took or changed the step first, when the step is not known. */
    public static final String RACE_DETAIL = "该步骤刚被他人处理，请刷新后重试";

    /** The title of every 409. */
    public static final String CONFLICT_TITLE = "步骤当前不可办理";

    /** The request attribute with the name of the step the request is taking (see {@link #taking}). */
    static final String STEP_ATTRIBUTE = ClientError.class.getName() + ".step";

    /** What a user is told when another request took or changed the step first: the step by its name. */
    public static String raceDetail(String step) {
        return step == null || step.isBlank() ? RACE_DETAIL : "「" + step + "」刚被他人办理，请刷新后重试";
    }

    /** What a user is told when the step is not open now (done already, or not reached yet). */
    public static String notOpenDetail(String step) {
        return step == null || step.isBlank() ? "该步骤当前不可办理" : "「" + step + "」当前不可办理：已办理，或尚未到此步骤";
    }

    /**
     * Notes for the current request which step (its Chinese name) it is taking, so that a race lost
     * later in the request (a version check at the commit) is told with the step's name, through every
     * door. Outside a request it does nothing.
     */
    public static void taking(String step) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && step != null) {
            request.setAttribute(STEP_ATTRIBUTE, step, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The step the current request is taking, as {@link #taking} noted it; else {@code null}. */
    static String currentStep() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (String) request.getAttribute(STEP_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /** The client's error in {@code failure} or in one of its causes, outermost first; empty for anything else. */
    public static Optional<ClientError> in(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            ClientError error = of(t);
            if (error != null) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    private static ClientError of(Throwable t) {
        if (t instanceof InvalidInputException invalid) {
            return new ClientError(400, "输入有误", invalid.getMessage(), invalid.errors(), t);
        }
        if (t instanceof ForbiddenException || t instanceof AuthorizationException) {
            return new ClientError(403, "无权操作", t.getMessage(), null, t);
        }
        if (t instanceof NotFoundException) {
            return new ClientError(404, "不存在", t.getMessage(), null, t);
        }
        if (t instanceof ConflictException) {
            return new ClientError(409, CONFLICT_TITLE, t.getMessage(), null, t);
        }
        if (isRace(t)) {
            return new ClientError(409, CONFLICT_TITLE, raceDetail(currentStep()), null, t);
        }
        return null;
    }

    /**
     * Two requests raced for the same step: the engine's or JPA's version check failed (Spring's
     * {@code ObjectOptimisticLockingFailureException} is one of its {@code OptimisticLockingFailureException}s),
     * or the task was claimed by someone else.
     */
    private static boolean isRace(Throwable t) {
        return t instanceof OptimisticLockingException || t instanceof TaskAlreadyClaimedException
                || t instanceof OptimisticLockingFailureException || t instanceof OptimisticLockException;
    }
}
