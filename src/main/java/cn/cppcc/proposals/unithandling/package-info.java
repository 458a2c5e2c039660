/**
 * One unit's part in one proposal, {@code bpmn/unit-handling.bpmn}, around the unit assignment:
 * assignment 交办 in three modes (Rule 4), acceptance or objection and the office's resolution
 * (Rule 5), co-units' opinions and consultations with the proposer (Rule 6), the reply with its
 * class and the leader's sign-off 签发 (Rule 7), the proposer's rating, NO_RESPONSE and handling
 * again after the office's coordination (Rule 9). Owns the tables unit_assignments,
 * consultations, replies and coordinations.
 */
package cn.cppcc.proposals.unithandling;
