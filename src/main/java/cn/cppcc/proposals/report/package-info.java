/**
 * Reports 统计: the figures of DOMAIN.md "What is counted" per session, year, date range, unit and
 * category, the members' records 履职档案, the register 提案办理情况汇总表 and the annual report's
 * paragraph as spreadsheets and Word documents, and the yearly ranking of handling units.
 * Read-only: plain SQL that reads the other modules' tables only through its own views, the
 * {@code report_} views of V25__read_views.sql.
 */
package cn.cppcc.proposals.report;
