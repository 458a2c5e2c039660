/**
 * Closing a proposal 办结 and Rule 11: the follow-up 回头看 of each B-class reply at its committed
 * date, recorded by the office.
 */
package cn.cppcc.proposals.followup;
