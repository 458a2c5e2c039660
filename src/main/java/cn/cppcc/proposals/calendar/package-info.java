/**
 * The working-day calendar of Rule 13: weekends, public holidays and make-up working days (调休),
 * as data per year that admins edit.
 */
package cn.cppcc.proposals.calendar;
