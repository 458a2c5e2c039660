package cn.cppcc.proposals.web.report;

import cn.cppcc.proposals.report.ReportPeriod;
import cn.cppcc.proposals.web.DossierPages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The list of proposals behind each figure of a session's or a year's summary: the figure's own
 * filter (README "API": the list's filters are those of report/ReportQueries) with the period's.
 * A session counts its proposals; a year counts submitted by submission, the outcomes by closing
 * and everything from filing on by filing, as the reports do.
 */
final class FigureLinks {

    private final Map<String, String> submitted;
    private final Map<String, String> filed;
    private final Map<String, String> closed;

    private FigureLinks(Map<String, String> submitted, Map<String, String> filed, Map<String, String> closed) {
        this.submitted = submitted;
        this.filed = filed;
        this.closed = closed;
    }

    /** For a session or a year; {@code null} for another period (no list matches a date range's figures by design). */
    static FigureLinks of(ReportPeriod period) {
        if (period.session() != null) {
            Map<String, String> session = Map.of("session", period.session());
            return new FigureLinks(session, with(session, "filed", "true"), session);
        }
        if (period.year() != null) {
            String year = String.valueOf(period.year());
            return new FigureLinks(Map.of("submittedIn", year), Map.of("filedIn", year), Map.of("closedIn", year));
        }
        return null;
    }

    /** The parameters of proposals submitted in the period (its status counts and the submitted figure). */
    Map<String, String> submittedFilter() {
        return submitted;
    }

    String submitted() {
        return link(submitted);
    }

    String status(String status) {
        return link(with(submitted, "status", status));
    }

    String filed() {
        return link(filed);
    }

    /** Rejected, converted, merged, withdrawn: by the day the proposal was closed. */
    String closed(String status) {
        return link(with(closed, "status", status));
    }

    String assigned() {
        return link(with(filed, "assigned", "true"));
    }

    String category(String category) {
        return link(with(with(filed, "assigned", "true"), "category", category));
    }

    /** Proposals assigned to the unit, co-units included, as the unit's {@code assigned}. */
    String unitAssigned(String unit) {
        return link(with(with(filed, "assigned", "true"), "unit", unit));
    }

    /**
     * A figure counted per unit assignment: {@code filter} is one of {@code replying},
     * {@code replied}, {@code onTime}, {@code faceToFace}, {@code overdue}, {@code reHandled} with
     * {@code value}, or {@code rating} and {@code replyClass} with theirs; {@code unit} may be {@code null}.
     */
    String perUnit(String unit, String filter, String value) {
        Map<String, String> query = with(filed, filter, value);
        return link(unit == null ? query : with(query, "unit", unit));
    }

    private static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return more;
    }

    private static String link(Map<String, String> query) {
        return DossierPages.listLink(query, 0);
    }
}
