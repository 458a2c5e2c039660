package cn.cppcc.proposals.calendar;

import java.time.LocalDate;

/** One exception to the Monday-to-Friday week. */
public record CalendarDay(LocalDate day, DayKind kind, String holiday) {}
