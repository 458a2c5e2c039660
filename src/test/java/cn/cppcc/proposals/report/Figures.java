package cn.cppcc.proposals.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Summaries for unit tests, put together from rows as the queries would answer them. */
final class Figures {

    static final List<String> CATEGORIES = List.of("经济发展", "城市建设管理", "城市交通", "群众生产生活", "教科文卫",
            "社区建设", "农业农村", "社会法制", "其它");
    static final List<String> CLASSES = List.of("A", "B", "C");

    private final List<ReportQueries.CategoryCount> categories = new ArrayList<>();
    private final List<ReportQueries.AssignmentCount> assignments = new ArrayList<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private ReportQueries.ProposalCounts proposals = new ReportQueries.ProposalCounts(0, 0, 0, 0, 0, 0);

    Figures proposals(long submitted, long filed) {
        proposals = new ReportQueries.ProposalCounts(submitted, filed, 0, 0, 0, 0);
        return this;
    }

    Figures category(String name, long assigned, long handled) {
        categories.add(new ReportQueries.CategoryCount(name, assigned, handled));
        return this;
    }

    /** {@code n} replying assignments of {@code unit}, each replied, on time and met face to face as told. */
    Figures replied(String unit, long n, boolean onTime, boolean faceToFace, String classification, String rating) {
        units.putIfAbsent(unit, unit);
        assignments.add(new ReportQueries.AssignmentCount(unit, true, classification, rating, n, n, onTime ? n : 0,
                faceToFace ? n : 0, 0, 0));
        return this;
    }

    Figures unreplied(String unit, long n, long overdue) {
        units.putIfAbsent(unit, unit);
        assignments.add(new ReportQueries.AssignmentCount(unit, true, null, null, n, 0, 0, 0, overdue, 0));
        return this;
    }

    Figures coUnit(String unit, long n) {
        units.putIfAbsent(unit, unit);
        assignments.add(new ReportQueries.AssignmentCount(unit, false, null, null, n, 0, 0, 0, 0, 0));
        return this;
    }

    Summary summary() {
        return Summary.assemble(ReportPeriod.everything(), proposals, categories, assignments, CATEGORIES, CLASSES, units);
    }
}
