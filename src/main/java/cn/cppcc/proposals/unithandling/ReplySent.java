package cn.cppcc.proposals.unithandling;

/** A unit's signed-off reply was sent to the proposer (Rule 7). */
public record ReplySent(long proposalId, String unitCode) {}
