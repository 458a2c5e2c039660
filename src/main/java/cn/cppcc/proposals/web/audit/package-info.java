/**
 * The audit page 审计 for auditors: the search of the hash-chained trail, its CSV export and the
 * verification of the chain, through audit/AuditController's own methods so that the page allows
 * exactly what {@code /api/audit} allows.
 */
package cn.cppcc.proposals.web.audit;
