package cn.cppcc.proposals.withdrawal;

import cn.cppcc.proposals.workflow.StepSubjects;
import cn.cppcc.proposals.workflow.ProposalVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordWithdrawalRequest. Rule 10: before filing the proposer withdraws at will; after, the office approves. */
@Component
class RecordWithdrawalRequestDelegate implements JavaDelegate {

    private final WithdrawalService withdrawals;

    RecordWithdrawalRequestDelegate(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean needsApproval = withdrawals.needsApproval(StepSubjects.proposalIdOf(execution));
        execution.setVariable(ProposalVariables.WITHDRAWAL_NEEDS_APPROVAL, needsApproval);
    }
}
