package cn.cppcc.proposals.followup;

import cn.cppcc.proposals.workflow.StepSubjects;
import static cn.cppcc.proposals.workflow.ProposalVariables.FOLLOW_UP_NEEDED;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.PUBLISHED;

import cn.cppcc.proposals.proposal.ProposalService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CloseProposal: every unit has finished; the proposal is closed 办结. What follows: the
 * follow-up of B-class replies (Rule 11) and, for a published proposal, publishing its replies (Rule 12).
 */
@Component
class CloseProposalDelegate implements JavaDelegate {

    private final ProposalService proposals;
    private final FollowUpSchedule followUps;

    CloseProposalDelegate(ProposalService proposals, FollowUpSchedule followUps) {
        this.proposals = proposals;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long proposalId = StepSubjects.proposalIdOf(execution);
        proposals.close(proposalId);
        execution.setVariable(FOLLOW_UP_NEEDED, !followUps.units(proposalId).isEmpty());
        execution.setVariable(PUBLISHED, proposals.require(proposalId).isPublished());
    }
}
