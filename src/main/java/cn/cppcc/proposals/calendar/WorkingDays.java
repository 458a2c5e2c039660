package cn.cppcc.proposals.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rule 13: Monday to Friday are working days, but for the public holidays, and the make-up working
 * days 调休 count too. Pure arithmetic over a calendar's exceptions; {@link WorkingDayCalendar} keeps
 * them.
 */
public final class WorkingDays {

    /** The longest deadline counted, in working days (a guard against a runaway loop). */
    static final int MAX_DAYS = 1000;

    private final Map<LocalDate, CalendarDay> exceptions;

    public WorkingDays(Collection<CalendarDay> exceptions) {
        this.exceptions = exceptions.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::day, Function.identity()));
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay exception = exceptions.get(day);
        if (exception != null) {
            return exception.kind() == DayKind.WORK;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code workingDays}-th working day after {@code start}; the start day itself does not count. */
    public LocalDate add(LocalDate start, int workingDays) {
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

    /** The holidays and make-up working days of a year, by day. */
    java.util.List<CalendarDay> year(int year) {
        return exceptions.values().stream().filter(d -> d.day().getYear() == year)
                .sorted((a, b) -> a.day().compareTo(b.day())).toList();
    }
}
