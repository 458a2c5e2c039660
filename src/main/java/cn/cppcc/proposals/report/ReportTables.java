package cn.cppcc.proposals.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The summary as tables with Chinese headers, the same for the spreadsheet (one sheet each) and
 * the Word document: 总体情况, 按类别, 按承办单位, 答复类别, and the ranking.
 */
final class ReportTables {

    private ReportTables() {
    }

    /** A rate, shown as a percentage; {@code null} when there is no figure. */
    record Percent(Double value) {}

    /** Headers and rows; a cell is a String, a Long, a Double (a score), a {@link Percent} or {@code null}. */
    record Table(String name, List<String> headers, List<List<Object>> rows) {}

    static List<Table> summary(Summary s, Map<String, String> classLabels) {
        return List.of(overview(s), byCategory(s), byUnit(s), classes(s, classLabels));
    }

    static Table overview(Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("统计范围", s.period() == null ? "全部" : s.period().label()));
        rows.add(row("提交提案（件）", s.submitted()));
        rows.add(row("立案（件）", s.filed()));
        rows.add(row("不予立案（件）", s.rejected()));
        rows.add(row("转为意见建议（件）", s.converted()));
        rows.add(row("并案（件）", s.merged()));
        rows.add(row("撤回（件）", s.withdrawn()));
        rows.add(row("交办提案（件）", s.assigned()));
        rows.add(row("已办复提案（件）", s.handled()));
        rows.add(row("承办件次（含会办）", s.unitAssignments()));
        rows.add(row("应答复件次", s.replying()));
        rows.add(row("已答复件次", s.replied()));
        rows.add(row("按期答复件次", s.onTime()));
        rows.add(row("见面协商件次", s.faceToFace()));
        rows.add(row("答复率", new Percent(s.replyRate())));
        rows.add(row("按期答复率", new Percent(s.onTimeReplyRate())));
        rows.add(row("见面率", new Percent(s.faceToFaceRate())));
        rows.add(row("满意（件次）", s.satisfied()));
        rows.add(row("基本满意（件次）", s.basicallySatisfied()));
        rows.add(row("不满意（件次）", s.dissatisfied()));
        rows.add(row("逾期未评价（件次）", s.noResponse()));
        rows.add(row("满意率", new Percent(s.satisfiedRate())));
        rows.add(row("满意率和基本满意率", new Percent(s.satisfiedOrBasicallyRate())));
        rows.add(row("逾期未答复（件次）", s.overdue()));
        rows.add(row("再次办理（件次）", s.reHandled()));
        return new Table("总体情况", List.of("项目", "数值"), rows);
    }

    static Table byCategory(Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        s.byCategory().forEach((category, count) -> rows.add(row(category, count)));
        rows.add(row("合计", s.assigned()));
        return new Table("按类别", List.of("类别", "交办提案（件）"), rows);
    }

    static Table byUnit(Summary s) {
        List<List<Object>> rows = new ArrayList<>();
        for (Summary.UnitFigures u : s.byUnit()) {
            rows.add(row(u.name(), u.assigned(), u.replying(), u.replied(), u.onTime(), u.faceToFace(), u.satisfied(),
                    u.basicallySatisfied(), u.dissatisfied(), u.noResponse(), u.overdue(), u.reHandled(),
                    new Percent(u.replyRate()), new Percent(u.onTimeReplyRate()), new Percent(u.faceToFaceRate()),
                    new Percent(u.satisfiedRate()), new Percent(u.satisfiedOrBasicallyRate())));
        }
        rows.add(row("合计", s.unitAssignments(), s.replying(), s.replied(), s.onTime(), s.faceToFace(), s.satisfied(),
                s.basicallySatisfied(), s.dissatisfied(), s.noResponse(), s.overdue(), s.reHandled(),
                new Percent(s.replyRate()), new Percent(s.onTimeReplyRate()), new Percent(s.faceToFaceRate()),
                new Percent(s.satisfiedRate()), new Percent(s.satisfiedOrBasicallyRate())));
        return new Table("按承办单位", List.of("承办单位", "交办件次", "应答复", "已答复", "按期答复", "见面协商", "满意",
                "基本满意", "不满意", "逾期未评价", "逾期未答复", "再次办理", "答复率", "按期答复率", "见面率", "满意率",
                "满意率和基本满意率"), rows);
    }

    static Table classes(Summary s, Map<String, String> classLabels) {
        List<List<Object>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> c : s.classes().entrySet()) {
            rows.add(row(c.getKey() + "类", classLabels.getOrDefault(c.getKey(), ""), c.getValue()));
            total += c.getValue();
        }
        rows.add(row("合计", "", total));
        return new Table("答复类别", List.of("答复类别", "说明", "件次"), rows);
    }

    static Table ranking(List<UnitRanking.RankedUnit> units) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitRanking.RankedUnit u : units) {
            rows.add(row(u.rank() == null ? "—" : String.valueOf(u.rank()), u.name(), u.replied(),
                    new Percent(u.onTimeReplyRate()), new Percent(u.faceToFaceRate()),
                    new Percent(u.satisfiedOrBasicallyRate()), u.score()));
        }
        return new Table("承办单位排名", List.of("名次", "承办单位", "已答复", "按期答复率", "见面率", "满意率和基本满意率",
                "综合得分"), rows);
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell instanceof Integer i ? Long.valueOf(i) : cell);
        }
        return row;
    }
}
