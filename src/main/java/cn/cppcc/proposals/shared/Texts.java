package cn.cppcc.proposals.shared;

/** Texts shown or stored at a limited length. */
public final class Texts {

    private Texts() {
    }

    /** The text, or its first {@code max - 1} characters and an ellipsis (never half of a surrogate pair). */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1) + "…";
    }
}
