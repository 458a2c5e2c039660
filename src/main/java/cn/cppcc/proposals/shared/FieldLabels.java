package cn.cppcc.proposals.shared;

import java.util.Map;

/** Chinese names of input fields, for messages a worker reads in Tasklist. */
final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("title", "案由"), Map.entry("background", "案据"), Map.entry("suggestions", "办法"),
            Map.entry("proposerType", "提案者类型"), Map.entry("coProposers", "联名人"), Map.entry("session", "届次"),
            Map.entry("suggestedCategory", "建议类别"), Map.entry("publicConsent", "是否同意公开"),
            Map.entry("onBehalfOf", "代委员登记"), Map.entry("confirm", "是否同意联名"),
            Map.entry("decision", "处理结果"), Map.entry("category", "类别"), Map.entry("key", "重点提案"),
            Map.entry("supervisor", "督办领导"), Map.entry("rejectGround", "不予立案理由"),
            Map.entry("mergeInto", "并入提案"), Map.entry("convertTo", "转交单位"), Map.entry("comment", "意见"),
            Map.entry("mode", "承办方式"), Map.entry("units", "承办单位"), Map.entry("lead", "主办单位"),
            Map.entry("deadline", "期限"), Map.entry("deadlineReason", "延长期限的理由"), Map.entry("accept", "是否签收"),
            Map.entry("reason", "理由"), Map.entry("correctionReason", "更正理由"), Map.entry("suggestedUnit", "建议承办单位"), Map.entry("newUnit", "改派单位"),
            Map.entry("text", "内容"), Map.entry("action", "本次办理"), Map.entry("method", "协商方式"),
            Map.entry("date", "日期"), Map.entry("participants", "参加人员"), Map.entry("summary", "协商情况"),
            Map.entry("classification", "答复类别"), Map.entry("committedDate", "承诺解决日期"),
            Map.entry("responsibleLeader", "分管领导"), Map.entry("leaderPhone", "分管领导电话"),
            Map.entry("handlerName", "经办人"), Map.entry("handlerPhone", "经办人电话"),
            Map.entry("consultations", "协商记录"), Map.entry("approve", "是否签发"), Map.entry("rating", "评价"),
            Map.entry("faceToFace", "是否见面协商"), Map.entry("note", "意见"), Map.entry("body", "请求体"),
            Map.entry("q", "检索词"), Map.entry("limit", "条数"), Map.entry("page", "页码"), Map.entry("size", "每页条数"),
            Map.entry("year", "年份"), Map.entry("from", "起始日期"), Map.entry("to", "截止日期"), Map.entry("unit", "承办单位"),
            Map.entry("publish", "是否公开"), Map.entry("result", "落实情况"), Map.entry("subject", "邮件标题"),
            Map.entry("event", "通知事件"), Map.entry("state", "状态"), Map.entry("proposal", "提案"), Map.entry("now", "时间"),
            Map.entry("id", "编号"), Map.entry("name", "名称"), Map.entry("email", "电子邮箱"), Map.entry("password", "密码"),
            Map.entry("groups", "用户组"), Map.entry("submittedIn", "提交年份"), Map.entry("filedIn", "立案年份"),
            Map.entry("closedIn", "办结年份"), Map.entry("filed", "是否立案"), Map.entry("assigned", "是否交办"),
            Map.entry("replying", "是否须答复"), Map.entry("replied", "是否已答复"), Map.entry("onTime", "是否按期答复"),
            Map.entry("overdue", "是否逾期"), Map.entry("reHandled", "是否再次办理"), Map.entry("replyClass", "答复类别"),
            Map.entry("day", "日期"), Map.entry("kind", "日期类型"), Map.entry("holiday", "节日名称"),
            Map.entry("items", "批量条目"), Map.entry("proposalId", "提案"));

    private FieldLabels() {
    }

    static String of(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
