package cn.cppcc.proposals.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input (400). The message lists every field's problem in Chinese, each by the field's label
 * (案由：必须填写), so that Camunda Tasklist, which shows only the message, tells the worker what to
 * fix; the field's key is for programs and stays in {@link #errors()} (the API's {@code errors[].field}).
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> FieldLabels.of(e.field()) + "：" + e.message())
                .collect(Collectors.joining("；")));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
