/**
 * The administrators' pages 系统管理: users (list, create, change, disable and enable, groups)
 * through identity/UserAdministration, the working-day calendar of a year (holidays and make-up
 * working days) through calendar/WorkingDayCalendar, and the mail templates through
 * notification/MailTemplates, each with the same checks as the API.
 */
package cn.cppcc.proposals.web.admin;
