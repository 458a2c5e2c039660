package cn.cppcc.proposals.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What a report covers: one session 届次, one calendar year, a date range, or everything; and
 * optionally one unit and one category.
 *
 * <p>A session covers its proposals. A year or a date range (in {@code proposals.zone}, both ends
 * included) covers each figure by the date of the event it counts: submitted by the day the proposal
 * was submitted, filed by the day it was filed, rejected, converted, merged and withdrawn by the day
 * it was closed, and everything about assignments (assigned, by category, by unit, the rates,
 * classes, overdue, re-handled) by the day the proposal was filed 立案: assignment follows filing,
 * so no period has more proposals assigned than filed, and all units of one proposal, also one given
 * the proposal after another objected, fall into the same period.
 *
 * @param sessionId the session's id, {@code null} unless a session was asked for
 * @param start first instant covered, {@code null} when open
 * @param end first instant no longer covered, {@code null} when open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportPeriod(String session, @JsonIgnore Long sessionId, String sessionName, Integer year, LocalDate from,
                    LocalDate to, String unit, String category, @JsonIgnore OffsetDateTime start,
                    @JsonIgnore OffsetDateTime end) {

    static ReportPeriod everything() {
        return new ReportPeriod(null, null, null, null, null, null, null, null, null, null);
    }

    static ReportPeriod ofYear(int year, ZoneId zone) {
        return everything().dated(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), zone);
    }

    ReportPeriod dated(Integer year, LocalDate from, LocalDate to, ZoneId zone) {
        return new ReportPeriod(session, sessionId, sessionName, year, from, to, unit, category,
                from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    ReportPeriod ofSession(String code, long id, String name) {
        return new ReportPeriod(code, id, name, year, from, to, unit, category, start, end);
    }

    ReportPeriod narrowedTo(String unit, String category) {
        return new ReportPeriod(session, sessionId, sessionName, year, from, to, unit, category, start, end);
    }

    boolean isDated() {
        return start != null || end != null;
    }

    /** In Chinese, for titles and file names: 政协第十届委员会第六次会议, 2026年, 2026-01-01至2026-06-30, 全部. */
    @JsonIgnore
    public String label() {
        if (sessionName != null) {
            return sessionName;
        }
        if (year != null) {
            return year + "年";
        }
        if (from != null || to != null) {
            return (from == null ? "" : from.toString()) + "至" + (to == null ? "" : to.toString());
        }
        return "全部";
    }
}
