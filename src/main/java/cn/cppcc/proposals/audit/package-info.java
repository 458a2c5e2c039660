/**
 * The audit trail (issue 5): every action recorded with who, when, what and from where in the
 * transaction of the change, hash-chained and append-only; its verification, search and export,
 * and a proposal's timeline merged from the trail and the engine's history.
 */
package cn.cppcc.proposals.audit;
