package cn.cppcc.proposals.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A form's values, to fill it in again after bad input and to hand to a step. */
public final class FormValues {

    private final MultiValueMap<String, String> values;

    private FormValues(MultiValueMap<String, String> values) {
        this.values = values;
    }

    public static FormValues of(MultiValueMap<String, String> values) {
        return new FormValues(values == null ? new LinkedMultiValueMap<>() : values);
    }

    public static FormValues empty() {
        return of(null);
    }

    public FormValues with(String field, String value) {
        values.set(field, value);
        return this;
    }

    /** Adds a value to a field of several values (checkboxes). */
    public FormValues add(String field, String value) {
        values.add(field, value);
        return this;
    }

    public String get(String field) {
        return values.getFirst(field);
    }

    public boolean is(String field, String value) {
        List<String> given = values.get(field);
        return given != null && given.contains(value);
    }

    /**
     * The fields for a step: one text each, and a list for {@code listFields}; the CSRF token
     * and the language switch stay out.
     */
    public Map<String, Object> fields(Set<String> listFields) {
        Map<String, Object> fields = new HashMap<>();
        values.forEach((name, given) -> {
            if (name.startsWith("_") || name.equals("lang")) {
                return;
            }
            if (listFields.contains(name)) {
                List<String> items = new ArrayList<>();
                given.stream().filter(v -> v != null && !v.isBlank()).forEach(items::add);
                fields.put(name, items);
            } else if (!given.isEmpty()) {
                fields.put(name, given.get(0));
            }
        });
        listFields.forEach(name -> fields.putIfAbsent(name, List.of()));
        return fields;
    }
}
