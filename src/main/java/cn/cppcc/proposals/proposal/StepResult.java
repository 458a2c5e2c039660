package cn.cppcc.proposals.proposal;

/** The answer to a step: the proposal's status after it. */
public record StepResult(long id, ProposalStatus status) {

    public static StepResult of(Proposal proposal) {
        return new StepResult(proposal.getId(), proposal.getStatus());
    }
}
