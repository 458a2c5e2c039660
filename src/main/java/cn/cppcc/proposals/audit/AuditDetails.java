package cn.cppcc.proposals.audit;

import cn.cppcc.proposals.shared.CodeLabels;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The detail of a record made from a step's or a request's fields: {@code 标签：值；…} in a fixed
 * order, codes by their Chinese names, yes/no as 是/否, texts cut at 300 characters (the dossier
 * keeps them whole). Units and people come named by the module that publishes the event.
 */
final class AuditDetails {

    static final int TEXT_IN_DETAIL = 300;
    /** The order fields are listed in; the Chinese labels are those of the error messages. */
    static final List<String> ORDER = List.of("decision", "action", "accept", "approve", "confirm", "publish", "rating",
            "mode", "units", "lead", "category", "key", "supervisor", "rejectGround", "mergeInto", "convertTo",
            "newUnit", "suggestedUnit", "classification", "committedDate", "deadline", "deadlineReason", "faceToFace",
            "method", "date", "participants", "summary", "title", "background", "suggestions", "text", "reason",
            "responsibleLeader", "leaderPhone", "handlerName", "handlerPhone", "result", "note", "comment");
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("decision", "处理结果"), Map.entry("action", "本次办理"),
            Map.entry("accept", "是否签收"), Map.entry("approve", "是否同意"), Map.entry("confirm", "是否同意联名"),
            Map.entry("publish", "是否公开"), Map.entry("rating", "评价"), Map.entry("mode", "承办方式"),
            Map.entry("units", "承办单位"), Map.entry("lead", "主办单位"), Map.entry("category", "类别"),
            Map.entry("key", "重点提案"), Map.entry("supervisor", "督办领导"), Map.entry("rejectGround", "不予立案理由"),
            Map.entry("mergeInto", "并入提案"), Map.entry("convertTo", "转交单位"), Map.entry("newUnit", "改派单位"),
            Map.entry("suggestedUnit", "建议承办单位"), Map.entry("classification", "答复类别"),
            Map.entry("committedDate", "承诺解决日期"), Map.entry("deadline", "期限"), Map.entry("deadlineReason", "延长期限的理由"),
            Map.entry("faceToFace", "是否见面协商"), Map.entry("method", "协商方式"), Map.entry("date", "日期"),
            Map.entry("participants", "参加人员"), Map.entry("summary", "协商情况"), Map.entry("title", "案由"),
            Map.entry("background", "案据"), Map.entry("suggestions", "办法"), Map.entry("text", "内容"),
            Map.entry("reason", "理由"), Map.entry("responsibleLeader", "分管领导"), Map.entry("leaderPhone", "分管领导电话"),
            Map.entry("handlerName", "经办人"), Map.entry("handlerPhone", "经办人电话"), Map.entry("result", "落实情况"),
            Map.entry("note", "意见"), Map.entry("comment", "意见"));

    private AuditDetails() {
    }

    /** The given fields as 标签：值, in a fixed order. */
    static String of(Map<String, ?> input, ZoneId zone) {
        return ORDER.stream().filter(input::containsKey)
                .map(field -> LABELS.getOrDefault(field, field) + "：" + value(input.get(field), zone))
                .filter(text -> !text.endsWith("："))
                .collect(Collectors.joining("；"));
    }

    private static String value(Object value, ZoneId zone) {
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), zone).toString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining("、"));
        }
        String text = value == null ? "" : String.valueOf(value).strip();
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true") ? "是" : "否";
        }
        if (CodeLabels.isCode(text)) {
            return CodeLabels.label(text);
        }
        return AuditTrail.cut(text, TEXT_IN_DETAIL);
    }

}
