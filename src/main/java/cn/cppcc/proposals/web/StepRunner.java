package cn.cppcc.proposals.web;

import cn.cppcc.proposals.shared.ConflictException;
import cn.cppcc.proposals.shared.FieldError;
import cn.cppcc.proposals.shared.ForbiddenException;
import cn.cppcc.proposals.shared.InvalidInputException;
import cn.cppcc.proposals.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs what a page's form asks for (a step through {@code StepService}, a submission, a
 * consultation) and sorts out what went wrong as the API's error handler does: the step's
 * exceptions may come wrapped by the engine.
 */
@Component
public class StepRunner {

    /**
     * What came of it.
     *
     * @param value       what the work gave, when it went well
     * @param fieldErrors bad input: each field's Chinese message, to show next to the field
     * @param summary     bad input: every message with its field's name, to show above the form
     * @param flashError  not allowed, or the step is not open (anymore): a message for the next page
     */
    public record Outcome<T>(T value, Map<String, String> fieldErrors, String summary, String flashError) {

        public boolean ok() {
            return fieldErrors.isEmpty() && flashError == null;
        }

        public boolean invalid() {
            return !fieldErrors.isEmpty();
        }
    }

    public Outcome<Void> run(Runnable work) {
        return call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs what gives a value (a period read from a form, a file made), sorting out what went wrong. */
    public <T> Outcome<T> call(Supplier<T> work) {
        try {
            return new Outcome<>(work.get(), Map.of(), null, null);
        } catch (RuntimeException e) {
            Throwable cause = known(e);
            if (cause instanceof InvalidInputException invalid) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (FieldError error : invalid.errors()) {
                    errors.putIfAbsent(error.field(), error.message());
                }
                return new Outcome<>(null, errors, invalid.getMessage(), null);
            }
            if (cause instanceof ConflictException || cause instanceof ForbiddenException) {
                return new Outcome<>(null, Map.of(), null, cause.getMessage());
            }
            if (cause instanceof OptimisticLockingException || cause instanceof ObjectOptimisticLockingFailureException) {
                return new Outcome<>(null, Map.of(), null, "该步骤刚被他人处理，请刷新后重试");
            }
            if (cause instanceof NotFoundException notFound) {
                throw notFound;
            }
            throw e;
        }
    }

    /** The project's own exception behind what the engine or a transaction wrapped, else {@code e}. */
    static Throwable known(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof ConflictException
                    || cause instanceof ForbiddenException || cause instanceof NotFoundException
                    || cause instanceof OptimisticLockingException
                    || cause instanceof ObjectOptimisticLockingFailureException) {
                return cause;
            }
        }
        return e;
    }
}
