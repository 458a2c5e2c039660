package cn.cppcc.proposals.shared;

/** One rejected input field of a 400 answer: the field's name and a Chinese message. */
public record FieldError(String field, String message) {}
