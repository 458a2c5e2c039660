package cn.cppcc.proposals.calendar;

/** An admin replaced the holidays and make-up working days of a year (Rule 13). */
public record CalendarChanged(int year) {}
