package cn.cppcc.proposals.supervision;

import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.workflow.Step;
import cn.cppcc.proposals.workflow.StepSubject;
import cn.cppcc.proposals.workflow.Taker;
import cn.cppcc.proposals.notification.NotificationEvent;
import cn.cppcc.proposals.notification.NotificationService;
import cn.cppcc.proposals.notification.Recipients;
import cn.cppcc.proposals.proposal.Proposal;
import cn.cppcc.proposals.proposal.ProposalService;
import cn.cppcc.proposals.shared.Actor;
import cn.cppcc.proposals.shared.Input;
import cn.cppcc.proposals.workflow.ProposalHandlingProcess;
import cn.cppcc.proposals.workflow.ProposalVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SuperviseKeyProposal: the supervisor of a key proposal 重点提案 supervises it and notes how. */
@Component
class SuperviseKeyProposalStep implements Step {

    private final SupervisionService supervision;
    private final ProposalService proposals;
    private final NotificationService notifications;

    SuperviseKeyProposalStep(SupervisionService supervision, ProposalService proposals,
            NotificationService notifications) {
        this.supervision = supervision;
        this.proposals = proposals;
        this.notifications = notifications;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_SUPERVISE_KEY_PROPOSAL;
    }

    @Override
    public Set<String> fields() {
        return Set.of("note");
    }

    @Override
    public Taker taker() {
        return Taker.KEY_SUPERVISOR;
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.SUPERVISED, "重点提案督办");
    }

    /** The supervisor is told of the key proposal given to them. */
    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        Proposal proposal = proposals.require(subject.proposalId());
        task.setVariableLocal("unitName", "");
        task.setVariableLocal("supervisionReason", "重点提案督办");
        Map<String, String> values = new HashMap<>(proposals.describe(proposal));
        values.put("unitName", "（交办后见案卷）");
        notifications.notify(NotificationEvent.SUPERVISION_REQUESTED, Recipients.users(proposal.getSupervisor()),
                proposal.getId(), null, values);
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        String note = input.requiredText("note", 4000);
        input.validate();
        supervision.record(subject.proposalId(), null, SupervisionService.Kind.KEY,
                note, actor.userId());
    }
}
