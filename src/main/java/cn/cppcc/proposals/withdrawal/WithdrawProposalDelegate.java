package cn.cppcc.proposals.withdrawal;

import cn.cppcc.proposals.workflow.StepSubjects;
import cn.cppcc.proposals.workflow.ProposalVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WithdrawProposal: the proposal is withdrawn 撤回 and the proposer told. */
@Component
class WithdrawProposalDelegate implements JavaDelegate {

    private final WithdrawalService withdrawals;

    WithdrawProposalDelegate(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        withdrawals.withdraw(StepSubjects.proposalIdOf(execution));
    }
}
