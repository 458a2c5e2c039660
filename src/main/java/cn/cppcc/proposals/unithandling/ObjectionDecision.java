package cn.cppcc.proposals.unithandling;

/** Rule 5: the office reassigns the proposal to another unit, or upholds the assignment. */
public enum ObjectionDecision {
    REASSIGN, UPHOLD
}
