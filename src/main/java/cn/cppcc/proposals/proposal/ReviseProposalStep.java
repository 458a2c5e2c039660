package cn.cppcc.proposals.proposal;

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
import cn.cppcc.proposals.workflow.TaskText;
import java.util.Comparator;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_ReviseProposal: the proposer revises a returned proposal, which is then reviewed again. */
@Component
class ReviseProposalStep implements Step {

    private final ProposalService proposals;

    ReviseProposalStep(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public String taskKey() {
        return ProposalHandlingProcess.TASK_REVISE_PROPOSAL;
    }

    @Override
    public Set<String> fields() {
        return Set.of("title", "background", "suggestions");
    }

    @Override
    public Taker taker() {
        return Taker.LEAD_PROPOSER;
    }

    @Override
    public String page() {
        return "revision";
    }

    @Override
    public StepLabel audited(Map<String, Object> given) {
        return StepLabel.of(AuditAction.PROPOSAL_REVISED);
    }

    /** The form opens with the current text, and the office's reason for returning it. */
    @Override
    public void prepare(DelegateTask task, StepSubject subject) {
        Proposal p = proposals.require(subject.proposalId());
        task.setVariableLocal("returnComment", p.getReviews().stream()
                .max(Comparator.comparing(ReviewRecord::getDecidedAt))
                .map(ReviewRecord::getComment).orElse(""));
        task.setVariableLocal("title", p.getTitle());
        // A text longer than a form field holds is revised through the API or the member portal.
        if (TaskText.fits(p.getBackground()) && TaskText.fits(p.getSuggestions())) {
            task.setVariableLocal("background", p.getBackground());
            task.setVariableLocal("suggestions", p.getSuggestions());
        }
    }

    @Override
    public void complete(DelegateTask task, StepSubject subject, Input input, Actor actor) {
        ProposalText text = ProposalText.read(input);
        input.validate();
        long proposalId = subject.proposalId();
        proposals.require(proposalId).revise(text);
        proposals.changed(proposalId);
    }
}
