package cn.cppcc.proposals.unithandling;

/** A drafted reply waits for the leader's sign-off, is returned, or was sent to the proposer. */
public enum ReplyStatus {
    AWAITING_SIGN_OFF, RETURNED, SENT
}
