package cn.cppcc.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 13 as arithmetic: weekends, holidays and make-up working days, without a database. */
class WorkingDaysTest {

    /** The 2026 Spring Festival: 15-23 February off, the Saturdays 14 and 28 February worked. */
    static final WorkingDays SPRING_FESTIVAL_2026 = new WorkingDays(List.of(
            off("2026-02-15"), off("2026-02-16"), off("2026-02-17"), off("2026-02-18"), off("2026-02-19"),
            off("2026-02-20"), off("2026-02-21"), off("2026-02-22"), off("2026-02-23"),
            work("2026-02-14"), work("2026-02-28")));

    static CalendarDay off(String day) {
        return new CalendarDay(LocalDate.parse(day), DayKind.OFF, "春节");
    }

    static CalendarDay work(String day) {
        return new CalendarDay(LocalDate.parse(day), DayKind.WORK, "春节");
    }

    @Test
    void weekendsAreOffAndWeekdaysWorkedWithoutExceptions() {
        WorkingDays plain = new WorkingDays(List.of());
        assertThat(plain.isWorkingDay(LocalDate.parse("2027-05-07"))).as("a Friday").isTrue();
        assertThat(plain.isWorkingDay(LocalDate.parse("2027-05-08"))).as("a Saturday").isFalse();
        assertThat(plain.add(LocalDate.parse("2027-05-07"), 1)).as("Friday + 1 is Monday").isEqualTo("2027-05-10");
        assertThat(plain.add(LocalDate.parse("2027-05-08"), 1)).as("from a Saturday").isEqualTo("2027-05-10");
        assertThat(plain.add(LocalDate.parse("2027-05-03"), 15)).as("three weeks").isEqualTo("2027-05-24");
    }

    @Test
    void theStartDayDoesNotCountAndZeroDaysIsTheStart() {
        WorkingDays plain = new WorkingDays(List.of());
        assertThat(plain.add(LocalDate.parse("2027-05-05"), 0)).isEqualTo("2027-05-05");
        assertThat(plain.add(LocalDate.parse("2027-05-05"), 1)).isEqualTo("2027-05-06");
    }

    @Test
    void holidaysAreSkippedAndMakeUpWorkingDaysCount() {
        assertThat(SPRING_FESTIVAL_2026.isWorkingDay(LocalDate.parse("2026-02-16"))).as("a Monday off").isFalse();
        assertThat(SPRING_FESTIVAL_2026.isWorkingDay(LocalDate.parse("2026-02-14"))).as("a Saturday worked").isTrue();
        assertThat(SPRING_FESTIVAL_2026.add(LocalDate.parse("2026-02-13"), 1)).isEqualTo("2026-02-14");
        assertThat(SPRING_FESTIVAL_2026.add(LocalDate.parse("2026-02-14"), 1)).as("over the whole holiday")
                .isEqualTo("2026-02-24");
        assertThat(SPRING_FESTIVAL_2026.add(LocalDate.parse("2026-02-13"), 5)).isEqualTo("2026-02-27");
        assertThat(SPRING_FESTIVAL_2026.add(LocalDate.parse("2026-02-27"), 1)).isEqualTo("2026-02-28");
    }

    @Test
    void aDeadlineCountsFromItsStartUnderTheCalendarGiven() {
        WorkingDayDeadline deadline = new WorkingDayDeadline(LocalDate.parse("2026-02-13"), 5);
        assertThat(deadline.due(new WorkingDays(List.of()))).isEqualTo("2026-02-20");
        assertThat(deadline.due(SPRING_FESTIVAL_2026)).as("the same deadline after a calendar change")
                .isEqualTo("2026-02-27");
    }

    @Test
    void aRunawayCountIsRefused() {
        assertThatThrownBy(() -> new WorkingDays(List.of()).add(LocalDate.parse("2026-01-01"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingDays(List.of()).add(LocalDate.parse("2026-01-01"), WorkingDays.MAX_DAYS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
