package cn.cppcc.proposals.calendar;

import cn.cppcc.proposals.audit.AuditAction;
import cn.cppcc.proposals.audit.AuditTrail;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule 13: deadlines in working days skip weekends and public holidays and count make-up working
 * days. The exceptions are read once and again after every change.
 */
@Service
public class WorkingDayCalendar {

    private static final int MAX_DAYS = 1000;

    private final JdbcClient jdbc;
    private final AtomicReference<Map<LocalDate, CalendarDay>> exceptions = new AtomicReference<>();

    private final org.springframework.context.ApplicationEventPublisher events;
    private final AuditTrail audit;

    WorkingDayCalendar(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay exception = exceptions().get(day);
        if (exception != null) {
            return exception.kind() == DayKind.WORK;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code workingDays}-th working day after {@code start} (the start day itself does not count). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0 || workingDays > MAX_DAYS) {
            throw new IllegalArgumentException("workingDays out of range: " + workingDays);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public List<CalendarDay> year(int year) {
        return exceptions().values().stream()
                .filter(d -> d.day().getYear() == year)
                .sorted((a, b) -> a.day().compareTo(b.day()))
                .toList();
    }

    /** Replaces the holidays and make-up working days of one year. */
    @Transactional
    public void replaceYear(int year, List<CalendarDay> days) {
        jdbc.sql("delete from calendar_days where calendar_day >= ? and calendar_day <= ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        for (CalendarDay day : days) {
            jdbc.sql("insert into calendar_days (calendar_day, kind, holiday) values (?, ?, ?)")
                    .params(day.day(), day.kind().name(), day.holiday()).update();
        }
        exceptions.set(null);
        audit.record(AuditAction.CALENDAR_CHANGED, null, null, "Calendar:" + year, days.stream()
                .map(d -> d.day() + " " + (d.kind() == DayKind.OFF ? "放假" : "上班")
                        + (d.holiday() == null ? "" : "（" + d.holiday() + "）"))
                .collect(java.util.stream.Collectors.joining("；", year + "年共" + days.size() + "天：", "")));
        events.publishEvent(new CalendarChanged(year));
    }

    private Map<LocalDate, CalendarDay> exceptions() {
        Map<LocalDate, CalendarDay> loaded = exceptions.get();
        if (loaded == null) {
            loaded = jdbc.sql("select calendar_day, kind, holiday from calendar_days")
                    .query((rs, n) -> new CalendarDay(rs.getObject("calendar_day", LocalDate.class),
                            DayKind.valueOf(rs.getString("kind")), rs.getString("holiday")))
                    .list().stream()
                    .collect(Collectors.toUnmodifiableMap(CalendarDay::day, Function.identity()));
            exceptions.set(loaded);
        }
        return loaded;
    }
}
