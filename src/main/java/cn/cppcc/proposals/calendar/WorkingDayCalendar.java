package cn.cppcc.proposals.calendar;

import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.cppcc.proposals.shared.CacheVersions;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule 13: deadlines in working days skip weekends and public holidays and count make-up working
 * days. The exceptions are read once and again after every change.
 */
@Service
public class WorkingDayCalendar {

    /** The years an admin may edit. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private final JdbcClient jdbc;
    /** Checked on every use: a deadline computed on any node right after a change counts with it. */
    private final CacheVersions.Cached<WorkingDays> current;
    private final CacheVersions versions;

    private final ApplicationEventPublisher events;

    WorkingDayCalendar(JdbcClient jdbc, ApplicationEventPublisher events, CacheVersions versions) {
        this.jdbc = jdbc;
        this.events = events;
        this.versions = versions;
        this.current = versions.cache(CacheVersions.CALENDAR, Duration.ZERO, this::load);
    }

    /** The working days as the calendar has them now. */
    public WorkingDays workingDays() {
        return current.get();
    }

    private WorkingDays load() {
        return new WorkingDays(jdbc.sql("select calendar_day, kind, holiday from calendar_days")
                .query((rs, n) -> new CalendarDay(rs.getObject("calendar_day", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")), rs.getString("holiday")))
                .list());
    }

    /** A deadline's last day under the calendar as it is now. */
    public LocalDate due(WorkingDayDeadline deadline) {
        return deadline.due(workingDays());
    }

    public List<CalendarDay> year(int year) {
        return workingDays().year(year);
    }

    public static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException("year", "年份应在" + MIN_YEAR + "至" + MAX_YEAR + "之间");
        }
    }

    /**
     * One exception of {@code year} from the fields {@code day} (YYYY-MM-DD, in that year),
     * {@code kind} (OFF or WORK) and {@code holiday} (its name, e.g. 春节); fails naming the field.
     * A day already in {@code seen} (when given) is a duplicate; the day read is added to it.
     */
    public static CalendarDay readDay(Map<String, ?> fields, int year, Set<LocalDate> seen) {
        Input input = Input.of(fields);
        LocalDate day = input.requiredDate("day", ZoneOffset.UTC);
        DayKind kind = input.requiredEnum("kind", DayKind.class);
        String holiday = input.requiredText("holiday", 50);
        if (day != null && day.getYear() != year) {
            input.error("day", "不属于" + year + "年");
        }
        if (day != null && seen != null && !seen.add(day)) {
            input.error("day", "日期重复");
        }
        input.validate();
        return new CalendarDay(day, kind, holiday);
    }

    /** Makes one day a holiday or a make-up working day, whatever it was; the rest of its year stays. */
    @Transactional
    public void mark(CalendarDay day) {
        List<CalendarDay> days = new ArrayList<>(year(day.day().getYear()).stream()
                .filter(d -> !d.day().equals(day.day())).toList());
        days.add(day);
        replaceYear(day.day().getYear(), days);
    }

    /** Makes one day an ordinary one again (a working day from Monday to Friday). */
    @Transactional
    public void unmark(LocalDate day) {
        replaceYear(day.getYear(), year(day.getYear()).stream().filter(d -> !d.day().equals(day)).toList());
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
        versions.bump(CacheVersions.CALENDAR); // every node reads the calendar again
        current.forget();
        events.publishEvent(new CalendarChanged(year, List.copyOf(days)));
    }
}
