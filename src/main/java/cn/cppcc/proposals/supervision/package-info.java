/**
 * Rule 8 and key proposals 重点提案: supervision 督办 of overdue replies by the office (and the
 * supervisor of a key proposal), the supervisor's own supervision of a key proposal, and the notes.
 */
package cn.cppcc.proposals.supervision;
