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

    /** What a user is told when another request took or changed the step first. */
    public static final String RACE_DETAIL = "该步骤刚被他人处理，请刷新后重试";

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
            return new ClientError(409, "步骤当前不可办理", t.getMessage(), null, t);
        }
        if (isRace(t)) {
            return new ClientError(409, "步骤当前不可办理", RACE_DETAIL, null, t);
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
