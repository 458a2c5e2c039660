/**
 * Rule 13: when the calendar changes, the working-day deadlines still running move with it: in the
 * project's tables, in the process variables, in the timers that act on them and in the tasks'
 * due dates.
 */
package cn.cppcc.proposals.deadline;
