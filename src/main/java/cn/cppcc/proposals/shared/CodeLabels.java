package cn.cppcc.proposals.shared;

import java.util.Map;

/** The Chinese names of the API's codes (FILE → 立案), for what people read: audit names, mails, texts. */
public final class CodeLabels {

    static final Map<String, String> CODES = Map.ofEntries(Map.entry("FILE", "立案"), Map.entry("RETURN", "退回修改"),
            Map.entry("REJECT", "不予立案"), Map.entry("CONVERT", "转为意见建议"), Map.entry("MERGE", "并案"),
            Map.entry("REASSIGN", "改派"), Map.entry("UPHOLD", "维持交办"), Map.entry("SATISFIED", "满意"),
            Map.entry("BASICALLY_SATISFIED", "基本满意"), Map.entry("DISSATISFIED", "不满意"), Map.entry("SINGLE", "单独承办"),
            Map.entry("LEAD_AND_CO", "主办会办"), Map.entry("SEPARATE", "分办"), Map.entry("FACE_TO_FACE", "见面协商"),
            Map.entry("PHONE", "电话"), Map.entry("WRITTEN", "书面"), Map.entry("MEETING", "座谈会"),
            Map.entry("SITE_VISIT", "实地考察"), Map.entry("CONSULTATION", "记录协商"), Map.entry("REPLY", "提交答复"));

    private CodeLabels() {
    }

    /** The Chinese name of a code, or the code itself. */
    public static String label(Object code) {
        String text = code == null ? "" : String.valueOf(code).strip();
        return CODES.getOrDefault(text, text);
    }

    /** Whether the text is one of the codes with a Chinese name. */
    public static boolean isCode(String text) {
        return CODES.containsKey(text);
    }

    /** Whether a form's value says yes (a boolean or its text). */
    public static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
