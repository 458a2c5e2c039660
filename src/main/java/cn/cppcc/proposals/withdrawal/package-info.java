/**
 * Rule 10: withdrawal 撤回 by the proposer, at will before filing, with the office's approval
 * after filing until a reply is sent.
 */
package cn.cppcc.proposals.withdrawal;
