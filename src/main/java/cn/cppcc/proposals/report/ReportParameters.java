package cn.cppcc.proposals.report;

import cn.cppcc.proposals.catalog.Catalog;
import cn.cppcc.proposals.catalog.CommitteeSession;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a report's query parameters: {@code session} (code), {@code year}, {@code from} and
 * {@code to} (YYYY-MM-DD, both included), at most one kind of period; {@code unit} (code) and
 * {@code category} (name). Bad ones answer 400 naming the field.
 */
@Component
class ReportParameters {

    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2200;

    private final Catalog catalog;
    private final ZoneId zone;

    ReportParameters(Catalog catalog, ProposalSettings settings) {
        this.catalog = catalog;
        this.zone = settings.zone();
    }

    /** The period asked for; everything when none is named and {@code periodRequired} is false. */
    ReportPeriod read(Map<String, String> query, boolean periodRequired) {
        Input input = Input.of(new HashMap<>(query));
        String sessionCode = input.text("session", 32);
        Integer year = year(input);
        LocalDate from = input.date("from", zone);
        LocalDate to = input.date("to", zone);
        String unit = input.text("unit", 32);
        String category = input.text("category", 50);

        CommitteeSession session = null;
        if (sessionCode != null) {
            session = catalog.session(sessionCode).orElse(null);
            input.check(session != null, "session", "没有该届次");
        }
        if (year != null) {
            input.check(sessionCode == null, "year", "届次和年份只能指定一项");
        }
        if (from != null || to != null) {
            input.check(sessionCode == null && year == null && !input.hasError("year"), "from",
                    "日期范围不能与届次或年份同时指定");
        }
        if (from != null && to != null) {
            input.check(!to.isBefore(from), "to", "截止日期不能早于起始日期");
        }
        if (periodRequired) {
            input.check(sessionCode != null || year != null || from != null || to != null
                    || input.hasError("year") || input.hasError("from") || input.hasError("to"), "year", "请指定年份或届次");
        }
        if (unit != null) {
            input.check(catalog.unit(unit).isPresent(), "unit", "没有该承办单位");
        }
        if (category != null) {
            input.check(catalog.categories().stream().anyMatch(c -> c.getName().equals(category)), "category", "没有该类别");
        }
        input.validate();

        ReportPeriod period = ReportPeriod.everything().narrowedTo(unit, category);
        if (session != null) {
            period = period.ofSession(session.getCode(), session.getId(), session.getName());
        } else if (year != null) {
            period = period.dated(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), zone);
        } else if (from != null || to != null) {
            period = period.dated(null, from, to, zone);
        }
        return period;
    }

    /** The one year of the annual report and the ranking; required. */
    int requiredYear(Map<String, String> query) {
        Input input = Input.of(new HashMap<>(query));
        Integer year = year(input);
        input.check(year != null || input.hasError("year"), "year", "必须填写年份");
        input.validate();
        return year;
    }

    ReportPeriod ofYear(int year) {
        return ReportPeriod.ofYear(year, zone);
    }

    private static Integer year(Input input) {
        Long year = input.number("year");
        if (year == null) {
            return null;
        }
        input.check(year >= MIN_YEAR && year <= MAX_YEAR, "year", "年份应在" + MIN_YEAR + "至" + MAX_YEAR + "之间");
        return input.hasError("year") ? null : year.intValue();
    }
}
