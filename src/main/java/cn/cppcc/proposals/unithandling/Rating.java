package cn.cppcc.proposals.unithandling;

/** Rule 9: the proposer's rating of a reply; NO_RESPONSE when none came in time, never counted as satisfied. */
public enum Rating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, NO_RESPONSE
}
