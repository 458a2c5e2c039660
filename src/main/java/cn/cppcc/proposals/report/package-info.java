/**
 * Reports 统计: the figures of DOMAIN.md "What is counted" per session, year, date range, unit and
 * category, the members' records 履职档案, the register 提案办理情况汇总表 and the annual report's
 * paragraph as spreadsheets and Word documents, and the yearly ranking of handling units.
 * Read-only: plain SQL over the other modules' tables.
 */
package cn.cppcc.proposals.report;
