package cn.cppcc.proposals.withdrawal;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_ApproveWithdrawal. Rule 10: the office approves or refuses withdrawing a filed proposal. */
@Component
class ApproveWithdrawalStep implements Step {

    private final WithdrawalService withdrawals;

    ApproveWithdrawalStep(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_APPROVE_WITHDRAWAL;
    }

    @Override
    public Set<String> fields() {
        return Set.of("approve", "comment");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.WITHDRAWAL_DECIDED, "审批撤回：" + (CodeLabels.yes(given.get("approve")) ? "同意" : "不同意"));
    }

    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        long proposalId = subject.proposalId();
        var request = withdrawals.of(proposalId).stream().reduce((a, b) -> b).orElseThrow();
        task.setVariableLocal("withdrawalReason", request.reason());
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        Boolean approve = input.requiredBoolean("approve");
        String comment = input.text("comment", 2000);
        if (Boolean.FALSE.equals(approve)) {
            input.check(comment != null, "comment", "不同意撤回须说明理由");
        }
        input.validate();
        withdrawals.decide(subject.proposalId(), approve, comment, actor.userId());
        task.getExecution().setVariable(ProposalVariables.WITHDRAWAL_APPROVED, approve);
    }
}
