/**
 * Rules 4 and 5: assignment 交办 of a filed proposal to units in three modes, each unit's acceptance
 * or objection, the office's resolution of an objection, and the unit assignment itself (one
 * unit's part in one proposal, with its consultations and replies), handled in
 * {@code unit-handling.bpmn}.
 */
package cn.cppcc.proposals.assignment;
