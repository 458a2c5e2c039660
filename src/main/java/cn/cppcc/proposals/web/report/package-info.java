/**
 * The figures for the office, auditors and supervisors: the dashboard 统计看板, every figure of
 * which links to the list of proposals behind it, and the reports page 统计报表 with the summary
 * tables, the downloads, the annual paragraph and the ranking of handling units. Both read
 * report/ReportService; nothing is counted here.
 */
package cn.cppcc.proposals.web.report;
