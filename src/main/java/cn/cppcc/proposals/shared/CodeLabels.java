package cn.cppcc.proposals.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The Chinese names of the API's codes (FILE → 立案), for what people read: audit records, the
 * timeline, the archive PDF, mails. {@link #of(String, Object)} names a code of a known kind
 * (status, unitStatus, unitRole, proposerType, method, rating, rejectGround, decision, event,
 * notificationState, kind, coProposerState, …) with the pages' own Chinese text of it
 * ({@code kind.CODE} in messages_zh_CN.properties), so a code has one Chinese name everywhere.
 */
public final class CodeLabels {

    static final Map<String, String> CODES = Map.ofEntries(Map.entry("FILE", "立案"), Map.entry("RETURN", "退回修改"),
            Map.entry("REJECT", "不予立案"), Map.entry("CONVERT", "转为意见建议"), Map.entry("MERGE", "并案"),
            Map.entry("REASSIGN", "改派"), Map.entry("UPHOLD", "维持交办"), Map.entry("SATISFIED", "满意"),
            Map.entry("BASICALLY_SATISFIED", "基本满意"), Map.entry("DISSATISFIED", "不满意"), Map.entry("SINGLE", "单独承办"),
            Map.entry("LEAD_AND_CO", "主办会办"), Map.entry("SEPARATE", "分办"), Map.entry("FACE_TO_FACE", "见面协商"),
            Map.entry("PHONE", "电话协商"), Map.entry("WRITTEN", "书面协商"), Map.entry("MEETING", "座谈会"),
            Map.entry("SITE_VISIT", "实地调研"), Map.entry("CONSULTATION", "记录协商"), Map.entry("REPLY", "提交答复"),
            Map.entry("NO_RESPONSE", "逾期未评价"));

    /** The pages' Chinese texts, read once: the names of each kind of code. */
    private static final Properties PAGE_TEXTS = load();

    private CodeLabels() {
    }

    /** The Chinese name of a code of the steps' forms (decisions, modes, methods, ratings), or the code itself. */
    public static String label(Object code) {
        String text = code == null ? "" : String.valueOf(code).strip();
        return CODES.getOrDefault(text, text);
    }

    /**
     * The Chinese name of a code of a kind the pages name ({@code status}, {@code unitStatus},
     * {@code proposerType}, {@code event}, …), else of {@link #label(Object)}, else the code itself.
     */
    public static String of(String kind, Object code) {
        if (code == null) {
            return "";
        }
        String text = String.valueOf(code).strip();
        String named = PAGE_TEXTS.getProperty(kind + "." + text);
        return named != null ? named : label(text);
    }

    /** Whether the text is one of the codes with a Chinese name. */
    public static boolean isCode(String text) {
        return CODES.containsKey(text);
    }

    /** Whether a form's value says yes (a boolean or its text). */
    public static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (InputStream in = CodeLabels.class.getResourceAsStream("/messages_zh_CN.properties")) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
