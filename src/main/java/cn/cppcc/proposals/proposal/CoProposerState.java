package cn.cppcc.proposals.proposal;

/** Rule 1: a co-proposer confirms or declines; who has not answered when the window closes is dropped. */
public enum CoProposerState {
    PENDING, CONFIRMED, DECLINED, DROPPED
}
