package cn.cppcc.proposals.proposal;

/** API.md proposal status. */
public enum ProposalStatus {
    AWAITING_CO_PROPOSERS, UNDER_REVIEW, RETURNED, FILED, IN_HANDLING, AWAITING_FEEDBACK, CLOSED,
    REJECTED, CONVERTED, MERGED, WITHDRAWN;

    /** Filed and not yet closed: a proposal another one may be merged into. */
    public boolean isFiledAndOpen() {
        return this == FILED || this == IN_HANDLING || this == AWAITING_FEEDBACK;
    }
}
