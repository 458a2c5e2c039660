package cn.cppcc.proposals.report;

import cn.cppcc.proposals.unithandling.Rating;
import cn.cppcc.proposals.unithandling.UnitRole;
import cn.cppcc.proposals.unithandling.UnitStatus;
import cn.cppcc.proposals.unithandling.UnitTexts;
import cn.cppcc.proposals.proposal.ProposalStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The register of proposals with their handling 提案办理情况汇总表: one line per proposal and unit
 * (a proposal without units, e.g. not filed, on one line of its own).
 */
final class Register {

    static final String TITLE = "提案办理情况汇总表";
    static final List<String> HEADERS = List.of("提案号", "案由", "提案者", "类别", "承办单位", "承办方式", "状态",
            "答复类别", "答复日期", "是否按期", "是否见面", "评价");

    private Register() {
    }

    static List<List<Object>> lines(List<ReportQueries.RegisterRow> rows, Function<String, String> names,
            Map<String, String> unitNames, Map<String, String> classLabels, ZoneId zone) {
        List<List<Object>> lines = new ArrayList<>();
        for (ReportQueries.RegisterRow row : rows) {
            List<Object> line = new ArrayList<>();
            line.add(row.number() == null ? "" : row.number());
            line.add(row.title());
            String proposer = names.apply(row.proposer());
            line.add(row.coProposers() == 0 ? proposer : proposer + "等" + (row.coProposers() + 1) + "人");
            line.add(row.category() == null ? "" : row.category());
            if (row.unit() == null) {
                line.add(row.convertedTo() == null ? "" : unitNames.getOrDefault(row.convertedTo(), row.convertedTo()));
                line.add("");
                line.add(proposalStatus(ProposalStatus.valueOf(row.status())));
                line.addAll(List.of("", "", "", "", ""));
            } else {
                UnitRole role = UnitRole.valueOf(row.role());
                boolean replying = role != UnitRole.CO;
                line.add(unitNames.getOrDefault(row.unit(), row.unit()));
                line.add(role(role));
                line.add(unitStatus(UnitStatus.valueOf(row.unitStatus()), role));
                line.add(row.classification() == null ? ""
                        : row.classification() + "类（" + classLabels.getOrDefault(row.classification(), "") + "）");
                line.add(row.latestSentAt() == null ? "" : day(row.latestSentAt(), zone).toString());
                line.add(row.firstSentAt() == null ? ""
                        : yesNo(!day(row.firstSentAt(), zone).isAfter(row.firstDeadline())));
                line.add(replying ? yesNo(row.faceToFace()) : "");
                line.add(row.rating() == null ? "" : UnitTexts.rating(Rating.valueOf(row.rating())));
            }
            lines.add(line);
        }
        return lines;
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static String yesNo(boolean value) {
        return value ? "是" : "否";
    }

    static String role(UnitRole role) {
        return switch (role) {
            case SINGLE -> "单独承办";
            case LEAD -> "主办";
            case CO -> "会办";
            case SEPARATE -> "分办";
        };
    }

    static String unitStatus(UnitStatus status, UnitRole role) {
        return switch (status) {
            case AWAITING_ACCEPTANCE -> "待签收";
            case OBJECTED -> "异议待处理";
            case HANDLING -> "办理中";
            case AWAITING_SIGN_OFF -> "待签发";
            case REPLIED -> "已答复待评价";
            case RE_HANDLING -> "不满意待协调";
            case DONE -> role == UnitRole.CO ? "已提出会办意见" : "已办结";
            case REASSIGNED -> "已改派";
        };
    }

    static String proposalStatus(ProposalStatus status) {
        return switch (status) {
            case AWAITING_CO_PROPOSERS -> "待联名确认";
            case UNDER_REVIEW -> "审查中";
            case RETURNED -> "退回修改";
            case FILED -> "已立案待交办";
            case IN_HANDLING -> "办理中";
            case AWAITING_FEEDBACK -> "待评价";
            case CLOSED -> "已办结";
            case REJECTED -> "不予立案";
            case CONVERTED -> "转为意见建议";
            case MERGED -> "并案";
            case WITHDRAWN -> "已撤回";
        };
    }
}
