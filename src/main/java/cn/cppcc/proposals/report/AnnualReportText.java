package cn.cppcc.proposals.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The annual report's paragraph on proposals, in the committee documents' own wording
 * (DOMAIN.md "What is counted"):
 * "2026年区政协共交办提案X件，其中涉及城市建设管理类X件，…其它X件。目前X件提案全部得到有效办理，
 * 见面率和答复率均达到X%，满意率和基本满意率达到X%。" and "提交提案X件，立案X件".
 *
 * <p>Where the figures do not fit that wording it says what they are: the two rates separately when
 * they differ ("见面率为X%，答复率为Y%"), how many are replied and how many still in handling when
 * not all are, nothing about satisfaction before any rating. Categories are listed by count, most
 * first (the catalog's order among equals), 其它 last, those without proposals left out.
 */
final class AnnualReportText {

    static final String OTHER = "其它";

    private AnnualReportText() {
    }

    static String of(int year, String committee, Summary s) {
        StringBuilder text = new StringBuilder();
        if (s.assigned() == 0) {
            text.append(year).append("年").append(committee).append("尚未交办提案。");
        } else {
            text.append(year).append("年").append(committee).append("共交办提案").append(s.assigned()).append("件");
            List<String> parts = categories(s.byCategory());
            if (!parts.isEmpty()) {
                text.append("，其中涉及").append(String.join("，", parts));
            }
            text.append("。");
            text.append(handling(s));
        }
        text.append("全年共提交提案").append(s.submitted()).append("件，立案").append(s.filed()).append("件。");
        return text.toString();
    }

    private static List<String> categories(Map<String, Long> byCategory) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(byCategory.entrySet().stream()
                .filter(e -> e.getValue() > 0).toList());
        // stable: among equal counts the catalog's order stays
        entries.sort(Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().equals(OTHER))
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()));
        return entries.stream().map(e -> category(e.getKey()) + e.getValue() + "件").toList();
    }

    private static String category(String name) {
        return name.equals(OTHER) || name.endsWith("类") ? name : name + "类";
    }

    private static String handling(Summary s) {
        StringBuilder text = new StringBuilder("目前");
        if (s.handled() == s.assigned()) {
            text.append(s.assigned()).append("件提案全部得到有效办理");
        } else if (s.handled() == 0) {
            text.append(s.assigned()).append("件提案均在办理中");
        } else {
            text.append("已办复").append(s.handled()).append("件，其余").append(s.assigned() - s.handled())
                    .append("件正在办理中");
        }
        if (s.replied() > 0) {
            String faceToFace = percent(s.faceToFaceRate());
            String reply = percent(s.replyRate());
            if (faceToFace.equals(reply)) {
                text.append("，见面率和答复率均达到").append(reply);
            } else {
                text.append("，见面率为").append(faceToFace).append("，答复率为").append(reply);
            }
        }
        if (s.satisfiedOrBasicallyRate() != null) {
            text.append("，满意率和基本满意率达到").append(percent(s.satisfiedOrBasicallyRate()));
        }
        return text.append("。").toString();
    }

    /** 0.857142… as 85.7%, 0.75 as 75%, 1 as 100%. */
    static String percent(Double rate) {
        if (rate == null) {
            return "—";
        }
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
