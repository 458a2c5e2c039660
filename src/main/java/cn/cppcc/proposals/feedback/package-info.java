/**
 * Rule 9: the proposer's rating 评价 of each reply, NO_RESPONSE when none comes in time, and the
 * office's coordination that sends a DISSATISFIED reply back for handling again.
 */
package cn.cppcc.proposals.feedback;
