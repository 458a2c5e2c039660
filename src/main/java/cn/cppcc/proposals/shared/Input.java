package cn.cppcc.proposals.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the fields of one step, whether they came as a JSON body of the API or as the variables
 * of a form submitted in Camunda Tasklist, and collects every problem before failing once. This
 * is the one validation API.md asks for: both doors read their input through it.
 */
public final class Input {

    private final Map<String, ?> values;
    private final List<FieldError> errors = new ArrayList<>();

    private Input(Map<String, ?> values) {
        this.values = values;
    }

    public static Input of(Map<String, ?> values) {
        return new Input(values == null ? Map.of() : values);
    }

    public boolean has(String field) {
        Object value = values.get(field);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** Optional text, trimmed; {@code null} when absent or blank. */
    public String text(String field, int maxLength) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            error(field, "必须是文本");
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            error(field, "不能超过" + maxLength + "个字");
            return null;
        }
        return trimmed;
    }

    public String requiredText(String field, int maxLength) {
        if (!has(field)) {
            error(field, "必须填写");
            return null;
        }
        return text(field, maxLength);
    }

    public <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
        Object value = values.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof String s) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(s.strip())) {
                    return constant;
                }
            }
        }
        error(field, "取值无效，可选：" + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining("、")));
        return null;
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        if (!has(field)) {
            error(field, "必须选择");
            return null;
        }
        return optionalEnum(field, type);
    }

    /** Optional yes/no; {@code null} when absent. Accepts JSON booleans and "true"/"false". */
    public Boolean optionalBoolean(String field) {
        Object value = values.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.valueOf(s);
        }
        error(field, "必须是是或否（true/false）");
        return null;
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(optionalBoolean(field));
    }

    public Boolean requiredBoolean(String field) {
        if (!has(field)) {
            error(field, "必须选择是或否");
            return null;
        }
        return optionalBoolean(field);
    }

    /** Optional date, {@code YYYY-MM-DD}; form dates from Tasklist may arrive as {@link Date}. */
    public LocalDate date(String field, ZoneId zone) {
        Object value = values.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), zone);
        }
        if (value instanceof String s) {
            try {
                String day = s.strip();
                return LocalDate.parse(day.length() > 10 && day.charAt(10) == 'T' ? day.substring(0, 10) : day);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        error(field, "日期格式应为YYYY-MM-DD");
        return null;
    }

    public LocalDate requiredDate(String field, ZoneId zone) {
        if (!has(field)) {
            error(field, "必须填写日期");
            return null;
        }
        return date(field, zone);
    }

    /** Optional whole number, as a JSON number or a string of digits. */
    public Long number(String field) {
        Object value = values.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (value instanceof String s && s.strip().matches("\\d{1,18}")) {
            return Long.valueOf(s.strip());
        }
        error(field, "必须是整数");
        return null;
    }

    /** A list of short texts: a JSON array, or a comma-separated string from a form. */
    public List<String> list(String field, int maxItems, int maxLength) {
        Object value = values.get(field);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        Collection<?> raw;
        if (value instanceof Collection<?> c) {
            raw = c;
        } else if (value instanceof String s) {
            raw = Arrays.asList(s.split("[,，、\\s]+"));
        } else {
            error(field, "必须是列表");
            return items;
        }
        for (Object item : raw) {
            if (!(item instanceof String s)) {
                error(field, "列表中只能是文本");
                return List.of();
            }
            String trimmed = s.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > maxLength) {
                error(field, "每项不能超过" + maxLength + "个字符");
                return List.of();
            }
            items.add(trimmed);
        }
        if (items.size() > maxItems) {
            error(field, "最多" + maxItems + "项");
            return List.of();
        }
        return items;
    }

    public void check(boolean condition, String field, String message) {
        if (!condition) {
            error(field, message);
        }
    }

    public void error(String field, String message) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, message));
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Fails with every problem found so far, or returns quietly. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
