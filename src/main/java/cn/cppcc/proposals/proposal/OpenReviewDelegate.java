package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.workflow.StepSubjects;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.REVIEW_DUE;

import cn.cppcc.proposals.shared.ProposalClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenReview: the proposal reaches the office; Rule 2's review deadline starts. */
@Component
class OpenReviewDelegate implements JavaDelegate {

    private final ProposalService proposals;
    private final ProposalClock clock;

    OpenReviewDelegate(ProposalService proposals, ProposalClock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long proposalId = StepSubjects.proposalIdOf(execution);
        execution.setVariable(REVIEW_DUE, clock.endOf(proposals.openReview(proposalId)));
    }
}
