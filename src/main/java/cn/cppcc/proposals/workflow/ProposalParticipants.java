package cn.cppcc.proposals.workflow;

import java.util.Optional;

/** Who takes part in a proposal, from the proposal's own record (DOMAIN.md "Who uses it"). */
public interface ProposalParticipants {

    /** The lead proposer's user id; empty if there is no such proposal. */
    Optional<String> leadProposer(long proposalId);

    /** The user was asked to co-sign the joint proposal (Rule 1), whether or not they have answered. */
    boolean isInvitedCoProposer(long proposalId, String userId);

    /** The supervising leader of a key proposal 重点提案; empty for any other proposal. */
    Optional<String> keySupervisor(long proposalId);
}
