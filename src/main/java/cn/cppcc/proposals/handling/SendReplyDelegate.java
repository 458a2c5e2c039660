package cn.cppcc.proposals.handling;

import static cn.cppcc.proposals.workflow.ProposalVariables.FEEDBACK_DUE;
import static cn.cppcc.proposals.workflow.ProposalVariables.PROPOSAL_ID;
import static cn.cppcc.proposals.workflow.ProposalVariables.UNIT_CODE;

import cn.cppcc.proposals.assignment.UnitAssignmentService;
import cn.cppcc.proposals.shared.ProposalClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendReply: the signed-off reply goes to the proposer; Rule 9's feedback window starts. */
@Component
class SendReplyDelegate implements JavaDelegate {

    private final UnitAssignmentService assignments;
    private final ProposalClock clock;

    SendReplyDelegate(UnitAssignmentService assignments, ProposalClock clock) {
        this.assignments = assignments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var feedbackDue = assignments.sendReply((Long) execution.getVariable(PROPOSAL_ID),
                (String) execution.getVariable(UNIT_CODE));
        execution.setVariable(FEEDBACK_DUE, clock.endOf(feedbackDue));
    }
}
