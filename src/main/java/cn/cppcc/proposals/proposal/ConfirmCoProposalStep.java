package cn.cppcc.proposals.proposal;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.shared.ProposalClock;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_ConfirmCoProposal. Rule 1: a co-proposer confirms or declines a joint proposal. */
@Component
class ConfirmCoProposalStep implements Step {

    private final ProposalService proposals;
    private final ProposalClock clock;

    ConfirmCoProposalStep(ProposalService proposals, ProposalClock clock) {
        this.proposals = proposals;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_CONFIRM_CO_PROPOSAL;
    }

    @Override
    public Set<String> fields() {
        return Set.of("confirm");
    }

    @Override
    public Taker taker() {
        return Taker.CO_PROPOSER;
    }

    @Override
    public String page() {
        return "confirmation";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.CO_PROPOSAL_ANSWERED, "联名确认：" + (CodeLabels.yes(given.get("confirm")) ? "同意联名" : "不同意联名"));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        Boolean confirm = input.requiredBoolean("confirm");
        input.validate();
        long proposalId = subject.proposalId();
        proposals.require(proposalId).answerCoProposal(actor.userId(), confirm, clock.now());
    }
}
