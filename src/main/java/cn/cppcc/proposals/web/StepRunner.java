package cn.cppcc.proposals.web;

import cn.cppcc.proposals.shared.ClientError;
import cn.cppcc.proposals.shared.DatabaseDown;
import cn.cppcc.proposals.shared.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs what a page's form asks for (a step through {@code StepService}, a submission, a
 * consultation) and sorts out what went wrong as the API's error handler does ({@link ClientError},
 * which finds the step's exceptions also wrapped by the engine): bad input next to its fields, not
 * allowed or not open (also a race lost to another request, naming the step) as a message.
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
            ClientError error = DatabaseDown.in(e) ? null : ClientError.in(e).orElse(null);
            if (error == null) {
                throw e; // the database is down (503), or a bug
            }
            return switch (error.status()) {
                case 400 -> {
                    Map<String, String> errors = new LinkedHashMap<>();
                    for (FieldError field : error.errors() == null ? List.<FieldError>of() : error.errors()) {
                        errors.putIfAbsent(field.field(), field.message());
                    }
                    yield errors.isEmpty() ? new Outcome<>(null, errors, null, error.detail())
                            : new Outcome<>(null, errors, error.detail(), null);
                }
                case 403, 409 -> new Outcome<>(null, Map.of(), null, error.detail());
                default -> throw error.source() instanceof RuntimeException source ? source : e;
            };
        }
    }
}
