/**
 * The proposal itself: submission (also on paper by the office), co-proposers' confirmations,
 * revision after a return, the gap-free numbers, who may see it, and the life of the proposal in
 * {@code proposal-handling.bpmn}.
 */
package cn.cppcc.proposals.proposal;
