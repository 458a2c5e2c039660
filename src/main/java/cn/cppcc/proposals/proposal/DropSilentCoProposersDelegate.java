package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.workflow.StepSubjects;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DropSilentCoProposers. Rule 1: who has not answered when the window closes is dropped. */
@Component
class DropSilentCoProposersDelegate implements JavaDelegate {

    private final ProposalService proposals;

    DropSilentCoProposersDelegate(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.dropSilentCoProposers(StepSubjects.proposalIdOf(execution));
    }
}
