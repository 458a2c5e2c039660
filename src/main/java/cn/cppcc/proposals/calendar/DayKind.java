package cn.cppcc.proposals.calendar;

/** OFF: a public holiday, even on a weekday. WORK: a make-up working day 调休上班, even on a weekend. */
public enum DayKind {
    OFF, WORK
}
