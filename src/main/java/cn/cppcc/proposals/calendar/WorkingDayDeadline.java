package cn.cppcc.proposals.calendar;

import java.time.LocalDate;

/**
 * A deadline counted in working days (Rule 13): the {@code workingDays}-th working day after
 * {@code start}, which does not count. The same value serves where a deadline starts and where a
 * calendar change moves it, so both count from the same day.
 *
 * @param start       the day the window opens (a proposal's submission, a review's opening, an
 *                    assignment's opening, a reply's sending, an acceptance)
 * @param workingDays how long it is open, from the configuration
 */
public record WorkingDayDeadline(LocalDate start, int workingDays) {

    /** Its last day under a calendar. */
    public LocalDate due(WorkingDays calendar) {
        return calendar.add(start, workingDays);
    }
}
