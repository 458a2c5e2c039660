package cn.cppcc.proposals.publication;

import cn.cppcc.proposals.shared.CodeLabels;
import java.util.Map;
import cn.cppcc.proposals.workflow.StepLabel;
import cn.cppcc.proposals.shared.AuditAction;
import cn.cppcc.proposals.proposal.ProposalService;
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

/** Task_PublishReplies. Rule 12: after a published proposal closes, the office publishes its replies, or not. */
@Component
class PublishRepliesStep implements Step {

    private final ProposalService proposals;

    PublishRepliesStep(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_PUBLISH_REPLIES;
    }

    @Override
    public Set<String> fields() {
        return Set.of("publish");
    }

    @Override
    public Taker taker() {
        return Taker.OFFICE;
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return new StepLabel(AuditAction.REPLIES_PUBLICATION_DECIDED, "公开答复：" + (CodeLabels.yes(given.get("publish")) ? "公开" : "不公开"));
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        Boolean publish = input.requiredBoolean("publish");
        input.validate();
        long proposalId = subject.proposalId();
        proposals.require(proposalId).publishReplies(publish);
        proposals.changed(proposalId);
    }
}
