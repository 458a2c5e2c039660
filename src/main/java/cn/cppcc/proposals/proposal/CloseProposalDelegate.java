package cn.cppcc.proposals.proposal;

import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseProposal: every unit has finished; the proposal is closed 办结. */
@Component
class CloseProposalDelegate implements JavaDelegate {

    private final ProposalService proposals;

    CloseProposalDelegate(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.close((Long) execution.getVariable(PROPOSAL_ID));
    }
}
