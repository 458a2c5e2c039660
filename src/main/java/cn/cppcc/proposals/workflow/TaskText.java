package cn.cppcc.proposals.workflow;

/**
 * Text shown on a task form. The engine keeps string variables in 4000 characters, so longer text
 * is cut and points to the dossier, which has it all.
 */
public final class TaskText {

    static final int MAX = 3900;

    private TaskText() {
    }

    public static String fit(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX ? text : text.substring(0, MAX) + "……（全文较长，请见案卷）";
    }

    public static boolean fits(String text) {
        return text == null || text.length() <= MAX;
    }
}
